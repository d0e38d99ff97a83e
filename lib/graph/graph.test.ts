import { describe, expect, test } from "vitest";
import { designBuilder } from "@/tests/helpers/design-builder";
import {
  absolutePosition,
  blastRadius,
  callerBudget,
  cycleLoop,
  enclosingZone,
  entryPoints,
  graphOf,
  instanceFloor,
  internetExposure,
  mustBeFrontedBy,
  requestPathReach,
  requestPaths,
  retryAmplification,
  WORST_HOPS_KEPT,
  worstHops,
  summarisePath,
  NAMED_HOPS,
  singlePointsOfFailure,
  suggestedTimeout,
  syncCycles,
  syncTopologicalOrder,
  timeoutBelow,
} from "./index";

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** Web client → LB → Orders → {DB, Payments}; an internal API gateway nothing calls; a worker fed by a queue. */
const shop = designBuilder()
  .component("client", "web")
  .component("load-balancer", "lb")
  .component("service", "orders")
  .component("service", "payments")
  .component("database", "db")
  .component("api-gateway", "partner-api")
  .component("load-balancer", "internal-lb", { config: { scheme: "internal" } })
  .component("queue", "events")
  .component("worker", "mailer")
  .connect("web", "lb")
  .connect("lb", "orders")
  .connect("orders", "db")
  .connect("orders", "payments")
  .connect("partner-api", "payments")
  .connect("orders", "events")
  .connect("events", "mailer")
  .build();

describe("adjacency", () => {
  test("indexes incoming and outgoing connections, synchronous ones separately", () => {
    const graph = graphOf(shop);
    expect(ids(graph.outgoing("orders"))).toEqual(["orders--db", "orders--payments", "orders--events"]);
    expect(ids(graph.syncOutgoing("orders"))).toEqual(["orders--db", "orders--payments"]);
    expect(ids(graph.incoming("payments"))).toEqual(["orders--payments", "partner-api--payments"]);
    expect(graph.name("db")).toBe("db");
    expect(graphOf(shop)).toBe(graph);
  });
});

describe("entry points and reachability", () => {
  test("entry points are clients and internet-facing components nothing calls", () => {
    expect(ids(entryPoints(graphOf(shop)))).toEqual(["web", "partner-api"]);
  });

  test("request paths follow synchronous calls only", () => {
    const reach = requestPathReach(graphOf(shop));
    expect([...reach.reached].sort()).toEqual(["db", "lb", "orders", "partner-api", "payments", "web"]);
    expect(summarisePath(reach, "db")).toMatchObject({ length: 3 });
    expect(ids(summarisePath(reach, "db").hops)).toEqual(["web--lb", "lb--orders", "orders--db"]);
  });

  test("a long path is named by its first hop and its last hops, with its length", () => {
    const builder = designBuilder().component("client", "web");
    for (let index = 0; index < 3000; index += 1) builder.component("service", `s${index}`);
    builder.connect("web", "s0", { timeoutMs: 1000 });
    for (let index = 1; index < 3000; index += 1) builder.connect(`s${index - 1}`, `s${index}`, { timeoutMs: 1000 });
    const path = summarisePath(requestPathReach(graphOf(builder.build())), "s2999");
    expect(path.length).toBe(3000);
    expect(path.hops).toHaveLength(NAMED_HOPS);
    expect(ids(path.hops)).toEqual(["web--s0", "s2996--s2997", "s2997--s2998", "s2998--s2999"]);
  });

  test("internet exposure stops at the first component that runs code", () => {
    const exposed = internetExposure(graphOf(shop)).reached;
    expect([...exposed].sort()).toEqual(["lb", "orders", "partner-api", "payments", "web"]);
    expect(exposed.has("db")).toBe(false);
  });

  test("blast radius is everyone who synchronously depends on a component", () => {
    expect([...blastRadius(graphOf(shop), "payments")].sort()).toEqual(["lb", "orders", "partner-api", "web"]);
    expect([...blastRadius(graphOf(shop), "mailer")]).toEqual([]);
  });

  test("request paths are enumerated up to a cap", () => {
    const all = requestPaths(graphOf(shop));
    expect(all.truncated).toBe(false);
    expect(all.paths.map((path) => ids(path).join(" "))).toEqual([
      "web--lb lb--orders orders--db",
      "web--lb lb--orders orders--payments",
      "partner-api--payments",
    ]);
    expect(requestPaths(graphOf(shop), { maxPaths: 1 })).toMatchObject({ truncated: true, paths: [expect.any(Array)] });
  });
});

describe("mustBeFrontedBy", () => {
  test("reports the first component of the kinds that traffic meets before passing the guard", () => {
    const unguarded = mustBeFrontedBy(graphOf(shop), { kinds: ["load-balancer", "api-gateway"], by: ["waf"] });
    expect(unguarded.map(({ component, path }) => [component.id, ids(path.hops)])).toEqual([
      ["lb", ["web--lb"]],
      ["partner-api", []],
    ]);
  });

  test("traffic that passed the guard is protected all the way down", () => {
    const guarded = designBuilder()
      .component("client", "web")
      .component("waf", "waf")
      .component("load-balancer", "lb")
      .component("api-gateway", "gateway")
      .connect("web", "waf")
      .connect("waf", "lb")
      .connect("lb", "gateway")
      .build();
    expect(mustBeFrontedBy(graphOf(guarded), { kinds: ["load-balancer", "api-gateway"], by: ["waf"] })).toEqual([]);
  });

  test("the guard may be a predicate on configuration", () => {
    const design = designBuilder()
      .component("client", "web")
      .component("reverse-proxy", "ingress", { config: { rateLimitPerSecond: 0 } })
      .component("service", "svc")
      .connect("web", "ingress")
      .connect("ingress", "svc")
      .build();
    const limited = (component: { kind: string; config: unknown }) =>
      component.kind === "reverse-proxy" && (component.config as { rateLimitPerSecond: number }).rateLimitPerSecond > 0;
    expect(ids(mustBeFrontedBy(graphOf(design), { kinds: ["service"], by: limited }).map(({ component }) => component))).toEqual(["svc"]);
  });
});

describe("cycles and order", () => {
  const looped = designBuilder()
    .component("service", "a")
    .component("service", "b")
    .component("service", "c")
    .component("service", "d")
    .connect("a", "b")
    .connect("b", "c")
    .connect("c", "b")
    .connect("c", "d")
    .build();

  test("finds groups of components calling each other synchronously", () => {
    const cycles = syncCycles(graphOf(looped));
    expect(cycles).toEqual([{ componentIds: ["b", "c"], connectionIds: ["b--c", "c--b"] }]);
    expect(cycleLoop(graphOf(looped), cycles[0])).toEqual(["b", "c", "b"]);
  });

  test("orders callers before callees, ignoring calls inside a cycle", () => {
    const order = syncTopologicalOrder(graphOf(looped));
    expect(order.indexOf("a")).toBeLessThan(order.indexOf("b"));
    expect(order.indexOf("c")).toBeLessThan(order.indexOf("d"));
    expect([...order].sort()).toEqual(["a", "b", "c", "d"]);
  });

  test("handles a chain of thousands of calls without recursion", () => {
    const builder = designBuilder();
    for (let index = 0; index < 5000; index += 1) builder.component("service", `s${index}`);
    for (let index = 1; index < 5000; index += 1) builder.connect(`s${index - 1}`, `s${index}`, { timeoutMs: 1000 });
    builder.connect("s4999", "s0", { timeoutMs: 1000 });
    const graph = graphOf(builder.build());
    expect(syncCycles(graph)[0].componentIds).toHaveLength(5000);
    expect(cycleLoop(graph, syncCycles(graph)[0])).toHaveLength(5001);
  });
});

describe("retries", () => {
  test("multiplies attempts along the worst path with dynamic programming", () => {
    const design = designBuilder()
      .component("service", "a")
      .component("service", "b")
      .component("service", "c")
      .component("service", "d")
      .connect("a", "b", { retry: { enabled: true, maxRetries: 2 } })
      .connect("a", "c", { retry: { enabled: true, maxRetries: 4 } })
      .connect("b", "d", { retry: { enabled: true, maxRetries: 1 } })
      .connect("c", "d")
      .build();
    const graph = graphOf(design);
    expect(retryAmplification(graph).get("d")).toMatchObject({ factor: 6 });
    const chain = retryAmplification(graph).get("d")?.chain;
    expect(chain && { length: chain.length, first: chain.first.id, worst: ids(chain.worst.map((hop) => hop.connection)) }).toEqual({
      length: 2,
      first: "a--b",
      worst: ["a--b", "b--d"],
    });
  });

  test("a long chain is summarised in constant size: its first hop, its length and its worst hops in path order", () => {
    const builder = designBuilder();
    for (let index = 0; index <= 40; index += 1) builder.component("service", `s${index}`);
    for (let index = 1; index <= 40; index += 1) builder.connect(`s${index - 1}`, `s${index}`, { timeoutMs: 1000, retry: { enabled: true, maxRetries: index % 10 === 0 ? 5 : 1 } });
    const chain = retryAmplification(graphOf(builder.build())).get("s40")?.chain;
    expect(chain?.length).toBe(40);
    expect(chain?.first.id).toBe("s0--s1");
    expect(chain?.worst).toHaveLength(WORST_HOPS_KEPT);
    expect(ids(worstHops(chain!, 4).map((hop) => hop.connection))).toEqual(["s9--s10", "s19--s20", "s29--s30", "s39--s40"]);
    expect(ids(worstHops(chain!, 5).map((hop) => hop.connection))).toEqual(["s0--s1", "s9--s10", "s19--s20", "s29--s30", "s39--s40"]);
  });
});

describe("timeouts", () => {
  test("a component's budget is the shortest call into it, or a load balancer's idle timeout", () => {
    const design = designBuilder()
      .component("service", "a")
      .component("service", "b")
      .component("load-balancer", "lb", { config: { idleTimeoutSeconds: 20 } })
      .component("service", "c")
      .connect("a", "c", { timeoutMs: 40_000 })
      .connect("b", "c", { timeoutMs: 30_000 })
      .connect("a", "lb", { timeoutMs: 50_000 })
      .build();
    const graph = graphOf(design);
    expect(callerBudget(graph, "c")).toMatchObject({ ms: 30_000, idleTimeout: false, connection: { id: "b--c" } });
    expect(callerBudget(graph, "lb")).toEqual({ ms: 20_000, idleTimeout: true });
    expect(callerBudget(graph, "a")).toBeUndefined();
    expect([suggestedTimeout(graph, "c"), suggestedTimeout(graph, "a")]).toEqual([25_000, 60_000]);
    expect([timeoutBelow(60_000), timeoutBelow(8_000), timeoutBelow(1)]).toEqual([55_000, 4_000, 1]);
  });
});

describe("zones and redundancy", () => {
  test("positions are relative to the parent zone; ancestry finds the availability zone", () => {
    const design = designBuilder()
      .zone("vpc", "vpc", { position: { x: 100, y: 50 } })
      .zone("availability-zone", "az-a", { parent: "vpc", position: { x: 10, y: 20 } })
      .zone("private-subnet", "app-a", { parent: "az-a", position: { x: 5, y: 5 } })
      .component("service", "orders", { zone: "app-a", position: { x: 1, y: 2 } })
      .build();
    const graph = graphOf(design);
    expect(absolutePosition(graph, graph.component("orders"))).toEqual({ x: 116, y: 77 });
    expect(enclosingZone(graph, "orders", "availability-zone")?.id).toBe("az-a");
    expect(enclosingZone(graph, "orders", "region")).toBeUndefined();
  });

  test("instance floors come from configuration; managed services have none", () => {
    const design = designBuilder()
      .component("client", "web")
      .component("service", "single", { config: { replicas: 1, autoscaling: { enabled: false } } })
      .component("service", "scaled", { config: { replicas: 1, autoscaling: { enabled: true, minReplicas: 3 } } })
      .component("database", "db", { config: { multiAz: false } })
      .component("cache", "cache", { config: { replicas: 2 } })
      .component("queue", "events")
      .connect("web", "single")
      .connect("single", "db")
      .connect("web", "scaled")
      .build();
    const graph = graphOf(design);
    expect(["single", "scaled", "db", "cache", "events"].map((id) => instanceFloor(graph.component(id)))).toEqual([1, 3, 1, 3, undefined]);
    expect(singlePointsOfFailure(graph).map(({ component, path }) => [component.id, ids(path.hops)])).toEqual([
      ["single", ["web--single"]],
      ["db", ["web--single", "single--db"]],
    ]);
  });
});
