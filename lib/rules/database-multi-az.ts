import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

export const databaseMultiAz = defineRule({
  id: "database-multi-az",
  title: "SQL databases run Multi-AZ with a standby",
  severity: "error",
  category: "reliability",
  rationale:
    "A single database instance is the one component every write depends on. Multi-AZ keeps a synchronous standby in a second zone and fails over automatically in under 60 s, with no data loss.",
  citations: [cite("003", "Multi-AZ Setup"), cite("003", "PostgreSQL Database")],
  remediation: "Turn on Multi-AZ so a synchronous standby in a second availability zone takes over on failure.",
  detect(design) {
    return design.components.flatMap((component) =>
      component.kind === "database" && !component.config.multiAz
        ? [
            {
              targetId: component.id,
              message: `${component.name} has no standby in a second availability zone: an instance or zone failure stops every write until it is restored.`,
              componentIds: [component.id],
            },
          ]
        : [],
    );
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "database", (config) => ({ ...config, multiAz: true }));
  },
});
