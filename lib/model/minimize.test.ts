import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPONENT_KIND_IDS, defaultConfig } from "../catalog";
import { SCENARIOS } from "../practice";
import { TEMPLATES } from "../templates";
import { designArbitrary, fixtureDesigns } from "@/tests/generators/support/designs";
import { createComponent, createConnection, createEmptyDesign, parseDesign, SCHEMA_VERSION, type Design } from "./index";
import { minimizeDesign } from "./minimize";

/** What a stored row goes through: minimise, write as JSON text, read the text back, parse. */
function expand(design: Design): Design {
  const result = parseDesign(JSON.parse(JSON.stringify(minimizeDesign(design))));
  if (!result.success) throw new Error(`The minimal form does not parse: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.design;
}

/** Every kind once, in its default configuration, with one connection carrying default policies. */
function everyKindWithDefaults(): Design {
  const design = createEmptyDesign("Defaults");
  for (const kind of COMPONENT_KIND_IDS) design.components.push(createComponent(design, kind, { x: 0, y: 0 }));
  const service = design.components.find((component) => component.kind === "service")!;
  const database = design.components.find((component) => component.kind === "database")!;
  design.connections.push(createConnection(design, service, database));
  return design;
}

/** Some settings changed to non-defaults, others set explicitly to their defaults, nested objects half changed. */
const partlyChanged = designArbitrary({ maxComponents: 8 }).chain((design) =>
  fc
    .record({
      retries: fc.array(fc.record({ enabled: fc.boolean(), maxRetries: fc.integer({ min: 0, max: 5 }), jitter: fc.boolean() }, { requiredKeys: [] }), {
        minLength: design.connections.length,
        maxLength: design.connections.length,
      }),
      breakers: fc.array(fc.record({ enabled: fc.boolean(), openSeconds: fc.constantFrom(30, 60) }, { requiredKeys: [] }), {
        minLength: design.connections.length,
        maxLength: design.connections.length,
      }),
      description: fc.constantFrom("", "Orders", " "),
      acknowledge: fc.boolean(),
    })
    .map((draw) => {
      const changed = {
        ...design,
        description: draw.description,
        connections: design.connections.map((connection, index) => ({
          ...connection,
          retry: { ...connection.retry, ...draw.retries[index] },
          circuitBreaker: { ...connection.circuitBreaker, ...draw.breakers[index] },
        })),
        acknowledgements:
          draw.acknowledge && design.components.length > 0 ? [{ ruleId: "cache-replica", targetId: design.components[0].id, reason: "dev only" }] : [],
      };
      const result = parseDesign(changed);
      if (!result.success) throw new Error("The changed design is invalid");
      return result.design;
    }),
);

describe("minimizeDesign", () => {
  it("expands back to the same design for generated designs", () => {
    fc.assert(
      fc.property(designArbitrary({ maxComponents: 12 }), (design) => {
        expect(expand(design)).toEqual(design);
      }),
      { numRuns: 150 },
    );
  });

  it("expands back to the same design when some values equal their defaults and nested settings are half changed", () => {
    fc.assert(
      fc.property(partlyChanged, (design) => {
        expect(expand(design)).toEqual(design);
      }),
      { numRuns: 150 },
    );
  });

  it.each(TEMPLATES.map((template) => [template.id, template.design]))("expands the %s template back unchanged", (_id, design) => {
    expect(expand(design)).toEqual(design);
  });

  it.each(SCENARIOS.map((scenario) => [scenario.id, scenario.reference]))("expands the %s practice reference back unchanged", (_id, design) => {
    expect(expand(design)).toEqual(design);
  });

  it.each(fixtureDesigns().map(({ name, design }) => [name, design]))("expands the %s fixture back unchanged", (_name, design) => {
    expect(expand(design)).toEqual(design);
  });

  it("writes no default: an empty design is its schema version and name, a default component its identity", () => {
    expect(minimizeDesign(createEmptyDesign("Blank"))).toEqual({ schemaVersion: SCHEMA_VERSION, name: "Blank" });

    const minimal = minimizeDesign(everyKindWithDefaults());
    for (const component of minimal.components ?? []) {
      expect(Object.keys(component).sort(), component.kind).toEqual(["id", "kind", "name", "position"].sort());
    }
    expect(minimal.connections![0]).not.toHaveProperty("retry");
    expect(minimal.connections![0]).not.toHaveProperty("circuitBreaker");
    expect(minimal.connections![0]).not.toHaveProperty("tls");
  });

  it("keeps only the changed part of a nested setting", () => {
    const design = everyKindWithDefaults();
    const service = design.components.find((component) => component.kind === "service")!;
    if (service.kind !== "service") throw new Error("no service");
    service.config = { ...service.config, autoscaling: { ...service.config.autoscaling, maxReplicas: 30 }, routes: [] };
    const minimalService = minimizeDesign(design).components!.find((component) => component.id === service.id)!;
    expect(minimalService.config).toEqual({ autoscaling: { maxReplicas: 30 }, routes: [] });
    expect(defaultConfig("service").routes).not.toEqual([]);
  });

  it("stores a large design in a fraction of its expanded size", () => {
    const design = everyKindWithDefaults();
    const template = design.components.map((component) => component);
    for (let copy = 1; copy < 60; copy += 1) {
      for (const component of template) design.components.push({ ...component, id: `${component.id}-${copy}` });
    }
    const expanded = JSON.stringify(design).length;
    const minimal = JSON.stringify(minimizeDesign(design)).length;
    expect(minimal).toBeLessThan(expanded / 3);
  });
});
