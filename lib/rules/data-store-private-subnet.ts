import { componentZones } from "../graph";
import { cite, type Component } from "../model";
import { defineRule } from "./support/define-rule";
import { moveIntoPrivateSubnet } from "./support/edits";

/** Data stores that live inside a VPC; S3 and DynamoDB are regional services reached through endpoints instead. */
function livesInVpc(component: Component): boolean {
  if (component.kind === "database" || component.kind === "cache") return true;
  return component.kind === "nosql-database" && component.config.engine !== "dynamodb";
}

export const dataStorePrivateSubnet = defineRule({
  id: "data-store-private-subnet",
  title: "Data stores live in private subnets",
  severity: "warning",
  category: "security",
  rationale:
    "A private subnet has no route from the internet, so even a misconfigured security group cannot expose the database to the world. Keep the application in private subnets and the database in isolated ones, reachable only from the backend.",
  citations: [cite("003", "Security (Defense in Depth)"), cite("004", "Private Subnets (Multiple AZs)")],
  remediation: "Place the data store in a private subnet of the VPC (the fix moves it into one, creating the subnet or VPC if needed).",
  detect(design, { graph }) {
    return design.components.flatMap((component) => {
      if (!livesInVpc(component)) return [];
      const zones = componentZones(graph, component.id);
      const subnet = zones.find((zone) => zone.kind === "private-subnet" || zone.kind === "public-subnet");
      if (subnet?.kind === "private-subnet") return [];
      return [
        {
          targetId: component.id,
          message: subnet
            ? `${component.name} sits in the public subnet ${subnet.name}, which has a route to the internet.`
            : `${component.name} is not placed in a private subnet.`,
          componentIds: [component.id],
          zoneIds: subnet ? [subnet.id] : [],
        },
      ];
    });
  },
  fix(design, finding) {
    return moveIntoPrivateSubnet(design, finding.targetId);
  },
});
