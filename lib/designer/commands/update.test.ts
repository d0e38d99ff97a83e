import { describe, expect, it } from "vitest";
import { layeredDesign } from "@/tests/helpers/canvas-designs";
import { renameDesignCommand, updateComponentCommand, updateConnectionCommand, updateDesignCommand, updateZoneCommand } from "./update";

describe("update commands", () => {
  it("edits a component's config and merges edits of the same field", () => {
    const design = layeredDesign();
    const db = design.components.find((component) => component.id === "db");
    const command = updateComponentCommand("db", { config: { ...(db?.config as object), multiAz: false } }, "config.multiAz");
    expect(command.undo).toEqual({ kind: "merge", key: "component:db:config.multiAz" });
    const result = command.run(design);
    expect(result.design.components.find((component) => component.id === "db")?.config).toMatchObject({ multiAz: false });
  });

  it("refuses a config value outside the catalog's limits", () => {
    const design = layeredDesign();
    const lb = design.components.find((component) => component.id === "lb");
    const config = lb?.config as { healthCheck: Record<string, unknown> };
    const result = updateComponentCommand("lb", { config: { ...config, healthCheck: { ...config.healthCheck, intervalSeconds: 1 } } }, "x").run(design);
    expect(result.design).toBe(design);
    expect(result.refused).toMatch(/^healthCheck\.intervalSeconds: /);
  });

  it("refuses an empty name", () => {
    expect(updateComponentCommand("db", { name: "" }, "name").run(layeredDesign()).refused).toMatch(/name cannot be empty/);
  });

  it("edits a connection and clears optional settings with undefined", () => {
    const design = layeredDesign();
    const id = design.connections[0].id;
    const withPrefix = updateConnectionCommand(id, { pathPrefix: "/api/*", protocol: "grpc" }, "pathPrefix").run(design).design;
    expect(withPrefix.connections[0]).toMatchObject({ pathPrefix: "/api/*", protocol: "grpc" });
    const cleared = updateConnectionCommand(id, { pathPrefix: undefined, timeoutMs: undefined }, "pathPrefix").run(withPrefix).design;
    expect(cleared.connections[0]).not.toHaveProperty("pathPrefix");
    expect(cleared.connections[0]).not.toHaveProperty("timeoutMs");
    expect(updateConnectionCommand(id, { pathPrefix: "no-slash" }, "pathPrefix").run(design).refused).toMatch(/starts with \//);
  });

  it("edits a zone's CIDR and refuses a malformed one", () => {
    const design = layeredDesign();
    expect(updateZoneCommand("vpc", { cidr: "10.1.0.0/16" }, "cidr").run(design).design.zones[0].cidr).toBe("10.1.0.0/16");
    expect(updateZoneCommand("vpc", { cidr: "ten" }, "cidr").run(design).refused).toMatch(/CIDR/);
  });

  it("renames the design", () => {
    expect(renameDesignCommand("Shop").run(layeredDesign()).design.name).toBe("Shop");
    expect(renameDesignCommand("  ").run(layeredDesign()).refused).toBe("A design needs a name.");
  });

  it("edits the design's description and settings, refusing an unknown region format", () => {
    const design = layeredDesign();
    const edited = updateDesignCommand({ description: "Shop", settings: { cloudRegion: "eu-west-1", computePlatform: "eks" } }, "settings").run(design).design;
    expect(edited).toMatchObject({ description: "Shop", settings: { cloudRegion: "eu-west-1", computePlatform: "eks" } });
    expect(updateDesignCommand({ settings: { cloudRegion: "Mars" } }, "settings").run(design).refused).toMatch(/^cloudRegion: /);
  });
});
