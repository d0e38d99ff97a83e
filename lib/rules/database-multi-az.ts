import { availabilityZonesOf } from "../graph";
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
  detect(design, { graph }) {
    return design.components.flatMap((component) => {
      if (component.kind !== "database" || component.config.multiAz) return [];
      // A database drawn in two zones is AWS's picture of a primary and its standby (003 "Multi-AZ Deployment":
      // primary in us-east-1a, standby in us-east-1b); the drawing alone does not create the standby.
      const { pinned, zones } = availabilityZonesOf(graph, component.id);
      const drawnIn = pinned && zones.length >= 2 ? ` although it is drawn in ${zones.map((zone) => zone.name).join(" and ")}` : "";
      return [
        {
          targetId: component.id,
          message: `${component.name} has no standby in a second availability zone${drawnIn}: an instance or zone failure stops every write until it is restored.`,
          componentIds: [component.id],
        },
      ];
    });
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "database", (config) => ({ ...config, multiAz: true }));
  },
});
