import { describe, expect, it } from "vitest";
import { COMPONENT_KINDS } from "@/lib/catalog";
import { component } from "@/tests/helpers/canvas-designs";
import { componentSummary } from "./summary";

describe("componentSummary", () => {
  it("summarises every kind in a few words", () => {
    for (const definition of COMPONENT_KINDS) {
      const summary = componentSummary(component("x", definition.kind, 0, 0));
      expect(summary.length, definition.kind).toBeGreaterThan(3);
      expect(summary.length, definition.kind).toBeLessThanOrEqual(40);
    }
  });

  it("shows what distinguishes one component from another of its kind", () => {
    const database = component("db", "database", 0, 0);
    expect(componentSummary(database)).toBe("postgres 15.4 · Multi-AZ");
    expect(componentSummary({ ...database, config: { ...database.config, multiAz: false } } as typeof database)).toBe("postgres 15.4 · single AZ");
    expect(componentSummary(component("api", "service", 0, 0))).toBe(":8080 · 2–10 replicas");
    expect(componentSummary(component("lb", "load-balancer", 0, 0))).toBe("internet-facing · :443");
  });
});
