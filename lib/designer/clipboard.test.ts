import { describe, expect, it } from "vitest";
import { copySelection, parseClipboard, serializeClipboard } from "./clipboard";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { selectionOf } from "./selection";

describe("clipboard", () => {
  it("copies selected components and only the connections among them", () => {
    const payload = copySelection(layeredDesign(), selectionOf({ componentIds: ["lb", "api"] }));
    expect(payload?.components.map((component) => component.id)).toEqual(["lb", "api"]);
    expect(payload?.connections.map((connection) => [connection.source, connection.target])).toEqual([["lb", "api"]]);
    expect(payload?.zoneOrigins).toEqual({ public: { x: 120, y: 140 }, private: { x: 500, y: 140 } });
  });

  it("copies nothing without a selected component", () => {
    expect(copySelection(layeredDesign(), selectionOf({ zoneIds: ["vpc"] }))).toBeNull();
  });

  it("round-trips through text and rejects foreign text", () => {
    const payload = copySelection(layeredDesign(), selectionOf({ componentIds: ["db"] }));
    if (!payload) throw new Error("nothing copied");
    expect(parseClipboard(serializeClipboard(payload))).toEqual(payload);
    expect(parseClipboard("hello")).toBeNull();
    expect(parseClipboard(JSON.stringify({ ...payload, components: [{ id: "BAD" }] }))).toBeNull();
  });
});
