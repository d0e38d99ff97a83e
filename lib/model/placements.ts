import { z } from "zod";
import { IdSchema } from "./ids";

/** A canvas position; the same bounds as every other position in a design. */
const PlacementPositionSchema = z.object({
  x: z.number().finite().min(-1_000_000).max(1_000_000),
  y: z.number().finite().min(-1_000_000).max(1_000_000),
});

/**
 * One more zone a component runs in, besides the zone its card is drawn in. AWS reference diagrams draw a
 * service that runs in two availability zones as a card in the private subnet of each (004 "Private Subnets
 * (Multiple AZs)"); each extra placement keeps the position of its own card, relative to its zone.
 */
export const PlacementSchema = z
  .object({
    zoneId: IdSchema.describe("Zone of this extra placement, usually a private subnet of another availability zone."),
    position: PlacementPositionSchema.describe("Position of this placement's card, relative to its zone."),
  })
  .describe("An extra zone the component also runs in.");

export const AlsoInSchema = z
  .array(PlacementSchema)
  .max(20)
  .optional()
  .describe("Extra zones the component also runs in, each drawn as a linked card of the same component. Left out when there are none.");

export type Placement = z.infer<typeof PlacementSchema>;

type PlacedComponent = { zoneId?: string; alsoIn?: readonly Placement[] };
type Issue = { path: (string | number)[]; message: string };

/** Every extra placement names an existing zone, once, and not the zone the card is drawn in. */
export function placementIssues(component: PlacedComponent, zoneIds: { has(id: string): boolean }): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  (component.alsoIn ?? []).forEach((placement, index) => {
    const path = ["alsoIn", index, "zoneId"];
    if (!zoneIds.has(placement.zoneId)) issues.push({ path, message: `Zone "${placement.zoneId}" does not exist` });
    else if (placement.zoneId === component.zoneId) issues.push({ path, message: `The component is already drawn in zone "${placement.zoneId}"` });
    else if (seen.has(placement.zoneId)) issues.push({ path, message: `Zone "${placement.zoneId}" is listed twice` });
    seen.add(placement.zoneId);
  });
  return issues;
}
