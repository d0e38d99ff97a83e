import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_MAX_LENGTH, ComponentNames } from "@/lib/generators/component-names";
import { dnsLabel } from "@/lib/generators/naming";
import { parseDesign, type Design } from "@/lib/model";
import { hostileName } from "./support/designs";

function designOf(components: { id: string; name: string; kind?: string }[]): Design {
  const result = parseDesign({
    schemaVersion: 1,
    name: "Names",
    components: components.map((component) => ({ kind: "service", position: { x: 0, y: 0 }, ...component })),
  });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.design;
}

function basesOf(components: { id: string; name: string; kind?: string }[]): string[] {
  const design = designOf(components);
  const names = new ComponentNames(design);
  return design.components.map((component) => names.of(component).base);
}

const BASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

describe("component names", () => {
  it("derives every target's form from one slug of the display name", () => {
    const design = designOf([{ id: "service-1", name: "Orders API" }]);
    expect(new ComponentNames(design).of({ id: "service-1" })).toEqual({
      base: "orders-api",
      kubernetes: "orders-api",
      identifier: "orders_api",
      constant: "ORDERS_API",
      folder: "orders-api",
      packageName: "@services/orders-api",
      compose: "orders-api",
    });
  });

  it("splits words at lowercase-to-capital steps but keeps runs of capitals and apostrophes together", () => {
    expect(basesOf([
      { id: "a", name: "OrdersApi" },
      { id: "b", name: "PostgreSQL" },
      { id: "c", name: "Müller's café" },
      { id: "d", name: "Route 53 (api.example.com)" },
    ])).toEqual(["orders-api", "postgresql", "mullers-cafe", "route-53-api-example-com"]);
  });

  it("numbers duplicates in design order without taking a name another component asks for", () => {
    expect(basesOf([
      { id: "a", name: "Service" },
      { id: "b", name: "Service" },
      { id: "c", name: "service 2" },
      { id: "d", name: "SERVICE" },
    ])).toEqual(["service", "service-3", "service-2", "service-4"]);
  });

  it("never gives a base that another component's derived objects use, nor a name the generators reserve", () => {
    expect(basesOf([
      { id: "a", name: "Orders" },
      { id: "b", name: "Orders config" },
      { id: "c", name: "Orders DB" },
      { id: "d", name: "Main" },
      { id: "e", name: "Kubernetes" },
    ])).toEqual(["orders", "orders-config-2", "orders-db", "main-2", "kubernetes-2"]);
  });

  it("falls back to the id for names without a letter or digit, and puts the kind before a leading digit", () => {
    expect(basesOf([
      { id: "svc-7", name: "😀😀" },
      { id: "bidi", name: "\u202e\u2066" },
      { id: "dots", name: "../../.." },
      { id: "digits", name: "3D renderer" },
      { id: "9", name: "!!!", kind: "worker" },
    ])).toEqual(["svc-7", "bidi", "dots", "service-3d-renderer", "worker-9"]);
  });

  it("keeps long names within the limit, cut at a word boundary, with room for every Kubernetes suffix", () => {
    const long = "A very long component name that goes on and on well past any limit a cloud provider sets";
    const [first, second] = basesOf([
      { id: "a", name: long },
      { id: "b", name: long },
    ]);
    expect(first).toBe("a-very-long-component-name-that-goes-on");
    expect(second).toBe("a-very-long-component-name-that-goes-2");
    for (const base of [first, second]) {
      expect(base.length).toBeLessThanOrEqual(BASE_MAX_LENGTH);
      // A derived name still fits a DNS label whole, so dnsLabel keeps it verbatim instead of hashing it.
      expect(dnsLabel(base, "credentials")).toBe(`${base}-credentials`);
    }
  });

  it("is unique, well-formed, deterministic and independent of ids for any names", () => {
    const components = fc.array(fc.record({ name: hostileName, kind: fc.constantFrom("service", "worker", "database", "queue", "cache") }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(components, (drawn) => {
        const design = designOf(drawn.map((component, index) => ({ ...component, id: `c-${index}` })));
        const renamedIds = designOf(drawn.map((component, index) => ({ ...component, id: `other-${index}` })));
        const names = new ComponentNames(design);
        const again = new ComponentNames(design);
        const otherIds = new ComponentNames(renamedIds);
        const bases = design.components.map((component) => names.of(component).base);
        expect(new Set(bases).size).toBe(bases.length);
        design.components.forEach((component, index) => {
          const name = names.of(component);
          expect(name.base).toMatch(BASE);
          expect(name.base.length).toBeLessThanOrEqual(BASE_MAX_LENGTH);
          expect(name.identifier).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(name.constant).toMatch(/^[A-Z][A-Z0-9_]*$/);
          expect(again.of(component)).toEqual(name);
          // Names that hold a letter or digit never depend on the id.
          if (/[\p{L}\p{N}]/u.test(component.name) && !name.base.startsWith("c-")) expect(otherIds.of(renamedIds.components[index]).base).toBe(name.base);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("names a thousand components called alike in one pass", () => {
    const design = designOf(Array.from({ length: 1000 }, (_, index) => ({ id: `s-${index}`, name: "Service" })));
    const names = new ComponentNames(design);
    const bases = design.components.map((component) => names.of(component).base);
    expect(bases[0]).toBe("service");
    expect(bases[999]).toBe("service-1000");
    expect(new Set(bases).size).toBe(1000);
  });
});
