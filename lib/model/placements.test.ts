import { describe, expect, it } from "vitest";
import { minimizeDesign, parseDesign } from ".";

const zone = (id: string) => ({ id, kind: "private-subnet", name: id, position: { x: 0, y: 0 }, size: { width: 100, height: 100 } });
const at = { x: 10, y: 20 };

function parseWith(alsoIn: unknown, zoneId: string | undefined = "a") {
  return parseDesign({
    schemaVersion: 1,
    name: "placements",
    zones: [zone("a"), zone("b")],
    components: [{ id: "svc", kind: "service", name: "svc", ...(zoneId ? { zoneId } : {}), position: at, alsoIn }],
  });
}

describe("extra placements of a component", () => {
  it("keeps a placement in another zone with its own position, and round-trips through the minimal form", () => {
    const result = parseWith([{ zoneId: "b", position: { x: 5, y: 6 } }]);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.design.components[0].alsoIn).toEqual([{ zoneId: "b", position: { x: 5, y: 6 } }]);
    expect(parseDesign(minimizeDesign(result.design))).toEqual(result);
  });

  it("leaves the field out of a component drawn in one place", () => {
    const result = parseWith(undefined);
    expect(result.success && minimizeDesign(result.design).components?.[0]).not.toHaveProperty("alsoIn");
  });

  it("refuses missing, repeated and home zones", () => {
    const messages = (alsoIn: unknown, zoneId?: string) => {
      const result = parseWith(alsoIn, zoneId);
      return result.success ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
    };
    expect(messages([{ zoneId: "nowhere", position: at }])).toEqual(['components.0.alsoIn.0.zoneId: Zone "nowhere" does not exist']);
    expect(messages([{ zoneId: "a", position: at }])).toEqual(['components.0.alsoIn.0.zoneId: The component is already drawn in zone "a"']);
    expect(messages([{ zoneId: "b", position: at }, { zoneId: "b", position: at }])).toEqual(['components.0.alsoIn.1.zoneId: Zone "b" is listed twice']);
  });
});
