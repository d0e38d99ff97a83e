import { describe, expect, it } from "vitest";
import { moveItems } from "./commands/move";
import { updateComponentCommand, updateConnectionCommand } from "./commands/update";
import { component, designOf, layeredDesign, zone } from "@/tests/helpers/canvas-designs";
import { EMPTY_SELECTION, selectionOf } from "./selection";
import { createFlowMapper, handleSides } from "./to-flow";

describe("to-flow", () => {
  it("maps zones to parent nodes (parents first) and components to children with relative positions", () => {
    const design = designOf({
      zones: [zone("inner", "public-subnet", 10, 40, 300, 200, "outer"), zone("outer", "vpc", 0, 0, 800, 600)],
      components: [component("lb", "load-balancer", 30, 50, "inner"), component("client", "client", -300, 0)],
    });
    const { nodes } = createFlowMapper()(design, EMPTY_SELECTION);
    expect(nodes.map((node) => [node.id, node.type, node.parentId])).toEqual([
      ["outer", "zone", undefined],
      ["inner", "zone", "outer"],
      ["lb", "component", "inner"],
      ["client", "component", undefined],
    ]);
    expect(nodes[2].position).toEqual({ x: 30, y: 50 });
    expect(nodes[2].extent).toBeUndefined();
    expect(nodes[1]).toMatchObject({ width: 300, height: 200, measured: { width: 300, height: 200 } });
  });

  it("recreates only the nodes and edges of items that changed", () => {
    const toFlow = createFlowMapper();
    const design = layeredDesign();
    const before = toFlow(design, EMPTY_SELECTION);
    const edited = updateComponentCommand("db", { config: { ...(design.components[3].config as object), multiAz: false } }, "multiAz").run(design).design;
    const after = toFlow(edited, EMPTY_SELECTION);
    const changed = after.nodes.filter((node, index) => node !== before.nodes[index]).map((node) => node.id);
    expect(changed).toEqual(["db"]);
    expect(after.edges.filter((edge, index) => edge !== before.edges[index])).toEqual([]);
    const relabelled = updateConnectionCommand(design.connections[2].id, { label: "orders" }, "label").run(edited).design;
    const last = toFlow(relabelled, EMPTY_SELECTION);
    expect(last.edges.filter((edge, index) => edge !== after.edges[index]).map((edge) => edge.id)).toEqual([design.connections[2].id]);
    expect(last.nodes.filter((node, index) => node !== after.nodes[index])).toEqual([]);
  });

  it("hands back the same edges array while no edge changed, e.g. during a drag that keeps sides", () => {
    const toFlow = createFlowMapper();
    const design = layeredDesign();
    const before = toFlow(design, EMPTY_SELECTION);
    const nudged = moveItems(design, new Map([["db", { x: 250, y: 170 }]]));
    expect(toFlow(nudged, EMPTY_SELECTION).edges).toBe(before.edges);
    const flipped = moveItems(design, new Map([["db", { x: 40, y: 240 }]]));
    expect(toFlow(flipped, EMPTY_SELECTION).edges).not.toBe(before.edges);
  });

  it("marks selected items and rebuilds only those", () => {
    const toFlow = createFlowMapper();
    const design = layeredDesign();
    const before = toFlow(design, EMPTY_SELECTION);
    const after = toFlow(design, selectionOf({ componentIds: ["api"], connectionIds: [design.connections[0].id] }));
    expect(after.nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(["api"]);
    expect(after.nodes.filter((node, index) => node !== before.nodes[index]).map((node) => node.id)).toEqual(["api"]);
    expect(after.edges.filter((edge) => edge.selected).map((edge) => edge.id)).toEqual([design.connections[0].id]);
  });

  it("puts no callbacks or React Flow state in node data", () => {
    const { nodes, edges } = createFlowMapper()(layeredDesign(), EMPTY_SELECTION);
    for (const item of [...nodes, ...edges]) {
      expect(Object.values(item.data ?? {}).some((value) => typeof value === "function")).toBe(false);
    }
  });

  it("points edges out of the side that faces the other end", () => {
    const design = layeredDesign();
    const { edges } = createFlowMapper()(design, EMPTY_SELECTION);
    expect(edges.map((edge) => [edge.source, edge.sourceHandle, edge.target, edge.targetHandle])).toEqual([
      ["client", "right", "lb", "left"],
      ["lb", "right", "api", "left"],
      ["api", "right", "db", "left"],
    ]);
    const stacked = moveItems(design, new Map([["db", { x: 40, y: 240 }]]));
    expect(createFlowMapper()(stacked, EMPTY_SELECTION).edges[2]).toMatchObject({ sourceHandle: "bottom", targetHandle: "top" });
  });

  it("names edges after what they connect, and rebuilds them when an end is renamed", () => {
    const toFlow = createFlowMapper();
    const design = layeredDesign();
    expect(toFlow(design, EMPTY_SELECTION).edges[2].ariaLabel).toBe("Connection from api to db: TCP · 50 s");
    const renamed = updateComponentCommand("db", { name: "Orders DB" }, "name").run(design).design;
    expect(toFlow(renamed, EMPTY_SELECTION).edges[2].ariaLabel).toBe("Connection from api to Orders DB: TCP · 50 s");
  });

  it("handleSides picks the dominant axis", () => {
    expect(handleSides({ x: 0, y: 0 }, { x: -100, y: 10 })).toEqual({ source: "left", target: "right" });
    expect(handleSides({ x: 0, y: 0 }, { x: 10, y: -100 })).toEqual({ source: "top", target: "bottom" });
  });
});
