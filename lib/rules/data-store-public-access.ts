import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

export const dataStorePublicAccess = defineRule({
  id: "data-store-public-access",
  title: "Data stores are not publicly accessible",
  severity: "error",
  category: "security",
  rationale:
    "A publicly accessible database or bucket is one leaked password or one misconfigured policy away from a breach, and is probed by scanners within minutes of creation. The database should accept connections from the backend only; files should be served through a CDN.",
  citations: [cite("003", "Security Groups (Firewall Rules):"), cite("003", "Security (Defense in Depth)")],
  remediation: "Turn off public accessibility of the database and block public access to the bucket.",
  detect(design) {
    return design.components.flatMap((component) => {
      if (component.kind === "database" && component.config.publiclyAccessible) {
        return [{ targetId: component.id, message: `${component.name} is publicly accessible from the internet.`, componentIds: [component.id] }];
      }
      if (component.kind === "object-storage" && !component.config.blockPublicAccess) {
        return [{ targetId: component.id, message: `${component.name} does not block public access, so one permissive policy exposes every object.`, componentIds: [component.id] }];
      }
      return [];
    });
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind === "object-storage") return updateConfig(design, component.id, "object-storage", (config) => ({ ...config, blockPublicAccess: true }));
    return updateConfig(design, finding.targetId, "database", (config) => ({ ...config, publiclyAccessible: false }));
  },
});
