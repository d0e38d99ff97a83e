import { describe, expect, it } from "vitest";
import { parseDesign, type Design } from "@/lib/model";
import { deleteItems } from "./commands/delete";
import { dropItems } from "./commands/move";
import { component, designOf, zone } from "@/tests/helpers/canvas-designs";
import { selectionFromChanges } from "./from-flow";
import { addPlacementCommand, placementNodeId, removePlacementCommand } from "./placements";
import { EMPTY_SELECTION, selectionOf } from "./selection";
import { createFlowMapper } from "./to-flow";

/** Two availability zones with a private subnet each; the service is drawn in the first. */
function twoSubnets(): Design {
  return designOf({
    zones: [
      zone("az-a", "availability-zone", 0, 0, 500, 400),
      zone("az-b", "availability-zone", 600, 0, 500, 400),
      zone("app-a", "private-subnet", 20, 40, 400, 300, "az-a"),
      zone("app-b", "private-subnet", 20, 40, 400, 300, "az-b"),
    ],
    components: [component("orders", "service", 40, 60, "app-a"), component("billing", "service", 40, 60, "app-b")],
  });
}

const valid = (design: Design) => expect(parseDesign(design).success).toBe(true);

describe("placing a component in more zones", () => {
  it("adds a placement that clears the cards already in the zone, and removes it again without leaving an empty list", () => {
    const design = twoSubnets();
    const added = addPlacementCommand("orders", "app-b").run(design).design;
    valid(added);
    const placement = added.components[0].alsoIn?.[0];
    expect(placement?.zoneId).toBe("app-b");
    expect(placement?.position.x).toBe(40);
    expect(placement?.position.y).toBeGreaterThanOrEqual(60 + 56);
    expect(addPlacementCommand("orders", "app-a").run(added).refused).toBe("orders already runs in app-a.");
    const removed = removePlacementCommand("orders", "app-b").run(added).design;
    expect(removed.components[0]).not.toHaveProperty("alsoIn");
  });

  it("draws an echo card in the other zone that selects the component and moves alone", () => {
    const design = addPlacementCommand("orders", "app-b").run(twoSubnets()).design;
    const echoId = placementNodeId("orders", "app-b");
    const { nodes } = createFlowMapper()(design, selectionOf({ componentIds: ["orders"] }));
    const echo = nodes.find((node) => node.id === echoId);
    expect(echo).toMatchObject({ type: "placement", parentId: "app-b", selected: false, connectable: false, data: { componentSelected: true } });

    const selected = selectionFromChanges(design, EMPTY_SELECTION, [{ type: "select", id: echoId, selected: true }], []);
    expect(selected.componentIds).toEqual(["orders"]);
    const switched = selectionFromChanges(design, selected, [{ type: "select", id: echoId, selected: true }, { type: "select", id: "orders", selected: false }], []);
    expect(switched.componentIds).toEqual(["orders"]);

    const moved = dropItems(design, new Map([[echoId, { x: 200, y: 220 }]]));
    valid(moved);
    expect(moved.components[0].position).toEqual({ x: 40, y: 60 });
    expect(moved.components[0].alsoIn?.[0].position).toEqual({ x: 200, y: 220 });
  });

  it("drops placements in deleted zones and in the zone the card itself moves into", () => {
    const design = addPlacementCommand("orders", "app-b").run(twoSubnets()).design;
    const deleted = deleteItems(design, selectionOf({ zoneIds: ["app-b"] }));
    valid(deleted);
    expect(deleted.components[0]).not.toHaveProperty("alsoIn");
    // The card dragged onto the second subnet (absolute x 620 + 40): that placement becomes its home.
    const dragged = dropItems(design, new Map([["orders", { x: 660 - 20, y: 60 }]]));
    valid(dragged);
    expect(dragged.components[0].zoneId).toBe("app-b");
    expect(dragged.components[0]).not.toHaveProperty("alsoIn");
  });
});
