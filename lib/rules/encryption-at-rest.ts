import { cite, type Component, type Design } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

/** Whether a stateful component encrypts what it stores; undefined for kinds that store nothing. */
function encryptsAtRest(component: Component): boolean | undefined {
  switch (component.kind) {
    case "database":
      return component.config.storageEncrypted;
    case "cache":
    case "nosql-database":
      return component.config.encryptionAtRest;
    case "queue":
      return component.config.encryption;
    default:
      return undefined;
  }
}

function encrypt(design: Design, component: Component): Design {
  switch (component.kind) {
    case "database":
      return updateConfig(design, component.id, "database", (config) => ({ ...config, storageEncrypted: true }));
    case "cache":
      return updateConfig(design, component.id, "cache", (config) => ({ ...config, encryptionAtRest: true }));
    case "nosql-database":
      return updateConfig(design, component.id, "nosql-database", (config) => ({ ...config, encryptionAtRest: true }));
    case "queue":
      return updateConfig(design, component.id, "queue", (config) => ({ ...config, encryption: true }));
    default:
      return design;
  }
}

export const encryptionAtRest = defineRule({
  id: "encryption-at-rest",
  title: "Stored data is encrypted at rest",
  severity: "warning",
  category: "security",
  rationale:
    "Disks, snapshots and backups outlive the servers they came from and travel further than you expect. AES-256 encryption at rest makes a lost snapshot or a decommissioned disk unreadable, and it costs next to nothing on managed services.",
  citations: [cite("002", "Encryption"), cite("003", "Security (Defense in Depth)")],
  remediation: "Turn on encryption at rest (AES-256, KMS-managed keys) for the data store or queue.",
  detect(design) {
    return design.components.flatMap((component) =>
      encryptsAtRest(component) === false
        ? [
            {
              targetId: component.id,
              message: `${component.name} stores data unencrypted, so its disks, snapshots and backups are readable by whoever obtains them.`,
              componentIds: [component.id],
            },
          ]
        : [],
    );
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    return component ? encrypt(design, component) : design;
  },
});
