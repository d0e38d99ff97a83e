import { DATA_STORE_KINDS, WORKLOAD_KINDS } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { connectToShared } from "./support/edits";
import { listNames } from "./support/format";

/** Where a new shared component goes, relative to the workload. */
const OFFSET = { x: 220, y: -160 };

export const secretsManagerUsed = defineRule({
  id: "secrets-manager-used",
  title: "Credentials come from a secrets manager",
  severity: "warning",
  category: "security",
  rationale:
    "A workload that logs in to a database or cache needs credentials. Kept in plain configuration or the image, they leak through repositories, logs and backups and are never rotated; a secrets manager stores them encrypted, audits access and rotates them.",
  citations: [cite("002", "SECURITY & CONFIGURATION"), cite("003", "ConfigMaps & Secrets"), cite("003", "Security (Defense in Depth)")],
  remediation: "Connect the workload to a secrets manager and read database and cache credentials from it at runtime.",
  detect(design, { graph }) {
    return design.components.flatMap((component) => {
      if (!WORKLOAD_KINDS.has(component.kind)) return [];
      const targets = graph.outgoing(component.id).map((connection) => graph.component(connection.target));
      if (targets.some((target) => target.kind === "secrets-manager")) return [];
      const stores = targets.filter((target) => DATA_STORE_KINDS.has(target.kind) && target.kind !== "object-storage");
      if (stores.length === 0) return [];
      return [
        {
          targetId: component.id,
          message: `${component.name} logs in to ${listNames(stores.map((store) => store.name))} but reads no secrets manager, so its credentials sit in plain configuration.`,
          componentIds: [component.id, ...stores.map((store) => store.id)],
        },
      ];
    });
  },
  fix(design, finding) {
    return connectToShared(design, finding.targetId, "secrets-manager", OFFSET);
  },
});
