import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDesign, SCHEMA_VERSION, type Design } from "../model";
import { simulate, simulateDetailed } from "./index";

const KINDS = ["load-balancer", "service", "service", "cache", "database", "queue", "worker"] as const;

interface Shape {
  kinds: (typeof KINDS)[number][];
  rps: number;
  readPercent: number;
  capacities: number[];
  /** For component j > 0: the earlier components that call it. */
  callers: number[][];
  retries: number[];
  breakers: boolean[];
  timeouts: (number | null)[];
}

interface ShapeOptions {
  breakers?: boolean;
  timeouts?: boolean;
  maxCallers?: number;
  maxRps?: number;
  minCapacity?: number;
  /** Only reads or only writes: no mix that retries could shift. */
  pureTraffic?: boolean;
}

/** Random designs: a client first, then components each called by earlier ones, so every component can receive load. */
const shapes = ({ breakers = true, timeouts = true, maxCallers = 3, maxRps = 5000, minCapacity = 10, pureTraffic = false }: ShapeOptions = {}): fc.Arbitrary<Shape> =>
  fc.integer({ min: 1, max: 7 }).chain((count) =>
    fc.record({
      kinds: fc.array(fc.constantFrom(...KINDS), { minLength: count, maxLength: count }),
      rps: fc.integer({ min: 0, max: maxRps }),
      readPercent: pureTraffic ? fc.constantFrom(0, 100) : fc.integer({ min: 0, max: 100 }),
      capacities: fc.array(fc.integer({ min: minCapacity, max: Math.max(minCapacity, 3000) }), { minLength: count, maxLength: count }),
      callers: fc.array(fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: maxCallers }), { minLength: count, maxLength: count }),
      retries: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: count * 3, maxLength: count * 3 }),
      breakers: fc.array(breakers ? fc.boolean() : fc.constant(false), { minLength: count * 3, maxLength: count * 3 }),
      timeouts: fc.array(timeouts ? fc.constantFrom(null, 20, 200, 30_000) : fc.constant(null), { minLength: count * 3, maxLength: count * 3 }),
    }),
  );

function build(shape: Shape): Design {
  const components = [
    { id: "c0", kind: "client", name: "client", position: { x: 0, y: 0 }, config: { requestsPerSecond: shape.rps, readPercent: shape.readPercent } },
    ...shape.kinds.map((kind, index) => ({
      id: `c${index + 1}`,
      kind,
      name: `${kind} ${index + 1}`,
      position: { x: 100 * (index + 1), y: 0 },
      config: { capacityPerInstance: shape.capacities[index] },
    })),
  ];
  const connections: Record<string, unknown>[] = [];
  shape.kinds.forEach((kind, index) => {
    const target = index + 1;
    const sources = [...new Set(shape.callers[index].map((caller) => caller % target))];
    for (const source of sources) {
      const n = connections.length % shape.retries.length;
      const async = kind === "queue" || kind === "worker" || components[source].kind === "queue";
      connections.push({
        id: `c${source}--c${target}`,
        source: `c${source}`,
        target: `c${target}`,
        protocol: async ? "async" : "http",
        ...(async || shape.timeouts[n] === null ? {} : { timeoutMs: shape.timeouts[n] }),
        retry: { enabled: shape.retries[n] > 0, maxRetries: shape.retries[n] },
        circuitBreaker: { enabled: shape.breakers[n] },
      });
    }
  });
  const parsed = parseDesign({ schemaVersion: SCHEMA_VERSION, name: "Random", components, connections });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.design;
}

const EPSILON = 1e-6;

describe("simulation properties", () => {
  it("conserves requests: what enters a component is served or errors, arrives from its callers, and leaves or is shed", () => {
    fc.assert(
      fc.property(shapes(), fc.option(fc.nat(), { nil: undefined }), (shape, failed) => {
        const design = build(shape);
        const failures = failed === undefined ? [] : [{ type: "component" as const, componentId: `c${failed % design.components.length}` }];
        const result = simulateDetailed(design, { failures });
        for (const component of design.components) {
          const load = result.components[component.id];
          const scale = Math.max(1, load.offeredRps);
          expect(Math.abs(load.offeredRps - load.servedRps - load.errorRps) / scale).toBeLessThan(EPSILON);
          expect(load.servedRps).toBeGreaterThanOrEqual(-EPSILON);
          expect(load.errorRps).toBeGreaterThanOrEqual(0);
          const arriving = design.connections
            .filter((connection) => connection.target === component.id)
            .reduce((sum, connection) => sum + result.connections[connection.id].attemptsRps, 0);
          const entering = component.kind === "client" ? shape.rps : arriving;
          expect(Math.abs(load.offeredRps - entering) / scale).toBeLessThan(EPSILON);
          const routes = design.connections.filter((connection) => connection.source === component.id && connection.protocol !== "async");
          if (component.kind === "load-balancer" && routes.length > 0) {
            const leaving = routes
              .reduce((sum, connection) => sum + result.connections[connection.id].callsRps, 0);
            expect(Math.abs(load.offeredRps - leaving - (load.shedRps ?? 0)) / scale).toBeLessThan(EPSILON);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  // Three exclusions, each a real effect rather than a modelling gap: a circuit breaker exists to shed load once
  // open; a component shared by several callers sheds their traffic in proportion, so a caller that grows faster
  // crowds the others out; and with a read/write mix, the side that fails more retries more, shifting the mix a
  // shedding component passes on (reads answered by a cache, writes sent on to the database).
  it("is monotonic: more load never lowers utilisation (one caller per component, no breakers, one kind of traffic)", () => {
    fc.assert(
      fc.property(shapes({ breakers: false, maxCallers: 1, pureTraffic: true }), fc.double({ min: 1, max: 20, noNaN: true }), (shape, factor) => {
        const design = build(shape);
        const low = simulate(design);
        const high = simulate(design, { loadMultiplier: factor });
        for (const component of design.components) {
          expect(high.components[component.id].utilisation).toBeGreaterThanOrEqual(low.components[component.id].utilisation * (1 - EPSILON) - EPSILON);
        }
      }),
      { numRuns: 300 },
    );
  });

  /** A target that shares a health-checked pool with others: failing it takes it out of rotation. */
  const pooled = (design: Design, componentId: string) =>
    design.connections.some(
      (connection) =>
        connection.target === componentId &&
        connection.protocol !== "async" &&
        design.connections.filter((other) => other.source === connection.source && other.protocol !== "async").length > 1 &&
        ["client", "load-balancer"].includes(design.components.find((component) => component.id === connection.source)!.kind),
    );

  // With capacity to spare everywhere (100 requests/s at most, fanned out and retried, against 50,000 per
  // instance). Under overload a failure can raise availability, as in real systems: losing a caller relieves a
  // congested callee, so its other callers stop timing out, retrying or tripping breakers; a pool member that was
  // failing anyway is taken out of rotation by health checks, so the others serve its share.
  it("failures never improve availability (capacity to spare, no pools or timeouts)", () => {
    fc.assert(
      fc.property(shapes({ timeouts: false, maxRps: 100, minCapacity: 50_000 }), fc.nat(), (shape, failed) => {
        const design = build(shape);
        const componentId = `c${failed % design.components.length}`;
        fc.pre(!pooled(design, componentId));
        const healthy = simulate(design);
        const broken = simulate(design, { failures: [{ type: "component", componentId }] });
        expect(broken.availability).toBeLessThanOrEqual(healthy.availability + EPSILON);
      }),
      { numRuns: 300 },
    );
  });
});
