import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SEED_DOCUMENTS } from "../model";
import { designBuilder } from "@/tests/helpers/design-builder";
import { JOURNEY_PHASES, simulate, simulateDetailed } from "./index";

/** Transfer time of the default 1 KB payload over one hop: 1 KB at 125 KB/ms. */
const TRANSFER = 1 / 125;

/** Web client → Orders API (4 instances, 2,000 requests/s) → Redis (85 % hits) and Orders DB, cache-aside. */
function cachedChain(readPercent: number, dbCapacity?: number) {
  return designBuilder()
    .component("client", "web", { name: "Web", config: { requestsPerSecond: 1000, readPercent } })
    .component("service", "api", { name: "Orders API", config: { replicas: 4, autoscaling: { enabled: false } } })
    .component("cache", "redis", { name: "Redis" })
    .component("database", "db", { name: "Orders DB", config: dbCapacity === undefined ? {} : { capacityPerInstance: dbCapacity } })
    .connect("web", "api")
    .connect("api", "redis")
    .connect("api", "db")
    .build();
}

describe("a chain with a cache at 85 % hits (003 \"Caching Strategy\")", () => {
  it("leaves 150 queries/s of 1,000 reads/s for the database", () => {
    const result = simulateDetailed(cachedChain(100));
    expect(result.components.redis.offeredRps).toBeCloseTo(1000);
    expect(result.components.db.offeredRps).toBeCloseTo(150);
    expect(result.components.db.utilisation).toBeCloseTo(0.15);
    expect(result.components.db.status).toBe("ok");
    expect(result.availability).toBe(1);
    expect(result.paths.find((path) => path.id === "web>api>db")?.throughputRps).toBeCloseTo(150);
  });

  it("sends every write to the database: 900 reads at 15 % misses plus 100 writes is 235 queries/s", () => {
    expect(simulate(cachedChain(90)).components.db.offeredRps).toBeCloseTo(235);
  });

  it("adds per-hop latency and M/M/1 queueing into p50 and p95", () => {
    const path = simulate(cachedChain(100)).paths.find((candidate) => candidate.id === "web>api>db")!;
    // p50: no queueing below 50 % utilisation: client transfer + (50 ms + transfer) + (5 ms + transfer).
    expect(path.p50Ms).toBeCloseTo(55 + 3 * TRANSFER, 6);
    // p95 wait = s/(1−ρ)·ln(ρ/0.05): the API at ρ = 0.5 waits 100·ln 10, the database at ρ = 0.15 waits 5/0.85·ln 3.
    expect(path.p95Ms).toBeCloseTo(55 + 3 * TRANSFER + 100 * Math.log(10) + (5 / 0.85) * Math.log(3), 6);
  });

  it("falls back to the database when the cache fails, and names the overload", () => {
    const result = simulate(cachedChain(100, 800), { failures: [{ type: "component", componentId: "redis" }] });
    expect(result.components.redis.status).toBe("failed");
    expect(result.components.db).toMatchObject({ offeredRps: 1000, servedRps: 800, errorRps: 200, capacityRps: 800, utilisation: 1.25, status: "overloaded" });
    expect(result.availability).toBeCloseTo(0.8);
    expect(result.bottleneck).toEqual({ componentId: "db", utilisation: 1.25 });
    expect(result.explanations).toContain("Redis down: cache-aside falls back to Orders DB, whose load rises from 150 to 1,000 QPS, above its 800 QPS capacity.");
    expect(result.paths.find((path) => path.id === "web>api>redis")?.outcome).toBe("degraded");
  });
});

describe("a database behind replicas", () => {
  /** Web → LB → two service replicas in one pool → DB. */
  const pool = (healthChecks: boolean) =>
    designBuilder()
      .component("client", "web", { config: { requestsPerSecond: 300 } })
      .component("load-balancer", "lb", { config: { healthCheck: { enabled: healthChecks } } })
      .component("service", "svc-a", { config: { replicas: 2, autoscaling: { enabled: false } } })
      .component("service", "svc-b", { config: { replicas: 2, autoscaling: { enabled: false } } })
      .component("database", "db")
      .connect("web", "lb")
      .connect("lb", "svc-a")
      .connect("lb", "svc-b")
      .connect("svc-a", "db")
      .connect("svc-b", "db")
      .build();

  it("health checks route around a failed replica; the database keeps its load", () => {
    const healthy = simulate(pool(true));
    expect([healthy.components["svc-a"].offeredRps, healthy.components["svc-b"].offeredRps, healthy.components.db.offeredRps]).toEqual([150, 150, 300]);
    const failed = simulate(pool(true), { failures: [{ type: "component", componentId: "svc-a" }] });
    expect(failed.components["svc-b"].offeredRps).toBeCloseTo(300);
    expect(failed.components.db.offeredRps).toBeCloseTo(300);
    expect(failed.availability).toBe(1);
    expect(failed.paths.find((path) => path.id === "web>lb>svc-b>db")?.outcome).toBe("healthy");
    expect(failed.explanations).toContain("lb health checks take svc-a out of rotation and route to svc-b.");
  });

  it("without health checks, half the requests still go to the failed replica and fail", () => {
    const failed = simulate(pool(false), { failures: [{ type: "component", componentId: "svc-a" }] });
    expect(failed.components["svc-a"]).toMatchObject({ offeredRps: 150, servedRps: 0, errorRps: 150, status: "failed" });
    expect(failed.availability).toBeCloseTo(0.5);
    expect(failed.paths.find((path) => path.id === "web>lb>svc-a>db")?.outcome).toBe("broken");
  });

  it("read replicas carry reads: 2 replicas at 90 % reads give 1,000 / (0.1 + 0.9 / 3) = 2,500 queries/s", () => {
    const design = designBuilder()
      .component("client", "web", { config: { requestsPerSecond: 2000 } })
      .component("service", "api", { config: { replicas: 10, autoscaling: { enabled: false } } })
      .component("database", "db", { config: { readReplicas: 2 } })
      .connect("web", "api")
      .connect("api", "db")
      .build();
    expect(simulate(design).components.db).toMatchObject({ offeredRps: 2000, capacityRps: 2500, utilisation: 0.8, status: "busy" });
  });
});

describe("retries, breakers and timeouts", () => {
  /** 1,500 writes/s into a database that takes 1,000, with up to 3 retries. */
  const storm = (circuitBreaker: boolean) =>
    designBuilder()
      .component("client", "web", { config: { requestsPerSecond: 1500, readPercent: 0 } })
      .component("service", "api", { config: { replicas: 10, autoscaling: { enabled: false } } })
      .component("database", "db")
      .connect("web", "api")
      .connect("api", "db", { retry: { enabled: true, maxRetries: 3 }, circuitBreaker: { enabled: circuitBreaker } })
      .build();

  it("a retry storm: attempts grow until 1,500·(1 − x⁴) = 1,000, x = 3^(−1/4) the failing share", () => {
    const result = simulate(storm(false));
    const failing = Math.pow(1 / 3, 1 / 4);
    expect(result.components.db.offeredRps).toBeCloseTo(1000 / (1 - failing), 3);
    expect(result.components.db.servedRps).toBeCloseTo(1000, 3);
    expect(result.availability).toBeCloseTo(2 / 3, 6);
    expect(result.explanations).toContain(
      "api retries failing calls to db up to 3 times: 1,500 calls/s become 4,164 attempts/s (×2.8), adding load to a hop that is already failing.",
    );
  });

  it("retries multiply the load on a dead hop; a circuit breaker sheds it", () => {
    const failures = [{ type: "component" as const, componentId: "db" }];
    const retrying = simulateDetailed(storm(false), { failures });
    expect(retrying.components.db.offeredRps).toBeCloseTo(6000);
    expect(retrying.availability).toBe(0);
    const breaking = simulateDetailed(storm(true), { failures });
    expect(breaking.components.db.offeredRps).toBe(0);
    expect(breaking.connections["api--db"]).toMatchObject({ callsRps: 1500, attemptsRps: 0, breakerOpen: true });
    expect(breaking.explanations).toContain("api's circuit breaker on db opens (100 % of calls fail, threshold 50 %): it sheds 1,500 calls/s and fails fast instead of waiting.");
    expect(breaking.paths[0].p50Ms).toBeLessThan(retrying.paths[0].p50Ms);
  });

  it("a timeout shorter than the callee's latency cuts the wait and turns every call into an error", () => {
    const design = designBuilder()
      .component("client", "web", { config: { requestsPerSecond: 10 } })
      .component("service", "api")
      .connect("web", "api", { timeoutMs: 40 })
      .build();
    const result = simulate(design);
    expect(result.availability).toBe(0);
    expect(result.paths[0]).toMatchObject({ outcome: "broken", errorRate: 1 });
    expect(result.paths[0].p50Ms).toBeCloseTo(TRANSFER + 40, 6);
    expect(result.explanations).toContain("web gives up on api after 40 ms: 100 % of attempts time out and become errors.");
  });
});

describe("zone and region drills (002 \"Failure Scenarios\")", () => {
  const zoned = (alsoIn: string[] = [], spreadAcrossZones = true) =>
    designBuilder()
      .zone("region", "us-east", { name: "US East" })
      .zone("vpc", "vpc", { parent: "us-east" })
      .zone("availability-zone", "az-a", { parent: "vpc", name: "AZ a" })
      .zone("availability-zone", "az-b", { parent: "vpc", name: "AZ b" })
      .component("client", "web", { config: { requestsPerSecond: 300 } })
      .component("load-balancer", "lb", { zone: "vpc" })
      .component("service", "api", { zone: "az-a", alsoIn, config: { replicas: 2, spreadAcrossZones, autoscaling: { enabled: false } } })
      .component("database", "db", { zone: "az-a", config: { multiAz: true } })
      .connect("web", "lb")
      .connect("lb", "api")
      .connect("api", "db")
      .build();

  it("replicas running in two zones keep half the capacity; Multi-AZ fails over", () => {
    const result = simulate(zoned(["az-b"]), { failures: [{ type: "zone", zoneId: "az-a" }] });
    expect(result.components.api).toMatchObject({ capacityRps: 500, utilisation: 0.6, status: "ok" });
    expect(result.components.db.status).toBe("ok");
    expect(result.availability).toBe(1);
    expect(result.paths.map((path) => path.outcome)).toEqual(["healthy"]);
    expect(result.explanations).toEqual(
      expect.arrayContaining([
        "Zone AZ a fails.",
        "api survives AZ a: its 2 instances are spread across 2 zones, so 1/2 of its capacity remains.",
        "db survives AZ a: Multi-AZ fails over to its standby in another zone in under 60 s.",
      ]),
    );
  });

  it("replicas drawn in one zone go down with it and break the path, whatever their spread setting says", () => {
    const result = simulate(zoned([], true), { failures: [{ type: "zone", zoneId: "az-a" }] });
    expect(result.components.api.status).toBe("failed");
    expect(result.availability).toBe(0);
    expect(result.paths.map((path) => path.outcome)).toEqual(["broken"]);
    expect(result.explanations).toContain("api goes down with AZ a: it runs in no other availability zone.");
  });

  it("a workload drawn across the VPC's zones goes down with one of them only when it is not spread", () => {
    const acrossVpc = (spreadAcrossZones: boolean) =>
      designBuilder()
        .zone("vpc", "vpc")
        .zone("availability-zone", "az-a", { parent: "vpc", name: "AZ a" })
        .zone("availability-zone", "az-b", { parent: "vpc", name: "AZ b" })
        .zone("private-subnet", "app", { parent: "vpc" })
        .component("client", "web", { config: { requestsPerSecond: 300 } })
        .component("service", "api", { zone: "app", config: { replicas: 2, spreadAcrossZones, autoscaling: { enabled: false } } })
        .connect("web", "api")
        .build();
    const drill = { failures: [{ type: "zone" as const, zoneId: "az-a" }] };
    expect(simulate(acrossVpc(true), drill).components.api).toMatchObject({ status: "ok", capacityRps: 500 });
    expect(simulate(acrossVpc(false), drill).explanations).toContain("api goes down with AZ a: its instances are not spread across zones.");
  });

  it("a region takes everything in it down, spread or not", () => {
    const result = simulate(zoned(["az-b"]), { failures: [{ type: "region", zoneId: "us-east" }] });
    expect(["lb", "api", "db"].map((id) => result.components[id].status)).toEqual(["failed", "failed", "failed"]);
    expect(result.components.web.status).toBe("ok");
    expect(result.availability).toBe(0);
  });
});

describe("load: spikes, autoscaling bounds, the edge and routing", () => {
  const scaled = designBuilder()
    .component("client", "web", { config: { requestsPerSecond: 100 } })
    .component("service", "api", { config: { autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 4 } } })
    .connect("web", "api")
    .build();

  it("a 10× spike makes autoscaling add instances within its bounds", () => {
    const result = simulate(scaled, { loadMultiplier: 10 });
    expect(result.components.api).toMatchObject({ offeredRps: 1000, capacityRps: 2000, status: "ok" });
    expect(result.explanations).toContain("Traffic ×10: the entry points send 1,000 requests/s instead of 100.");
    // 1,000 requests/s at a 70 % CPU target on 500 requests/s instances needs ⌈1000 / 350⌉ = 3.
    expect(result.explanations).toContain("Autoscaling takes api from 2 to 3 instances (bounds 2–4) to keep CPU near 70 % at 1,000 requests/s.");
  });

  it("past the autoscaling maximum the service is overloaded", () => {
    const result = simulate(scaled, { loadMultiplier: 50 });
    expect(result.components.api).toMatchObject({ offeredRps: 5000, capacityRps: 2000, utilisation: 2.5, status: "overloaded" });
    expect(result.explanations).toContain(
      "api is overloaded: 5,000 requests/s offered (up from 100) against a capacity of 2,000 requests/s (autoscaled to its maximum of 4 instances × 500); 3,000 requests/s are rejected.",
    );
  });

  it("the CDN answers its hit rate of the reads; path prefixes split the rest", () => {
    const design = designBuilder()
      .component("client", "web", { config: { requestsPerSecond: 1000 } })
      .component("cdn", "cdn")
      .component("load-balancer", "lb")
      .component("service", "users")
      .component("service", "orders")
      .connect("web", "cdn")
      .connect("cdn", "lb")
      .connect("lb", "users", { pathPrefix: "/users" })
      .connect("lb", "orders", { pathPrefix: "/orders" })
      .build();
    const result = simulate(design);
    // 900 reads at 90 % edge hits leave 90, plus 100 writes.
    expect(result.components.lb.offeredRps).toBeCloseTo(190);
    expect(result.components.users.offeredRps).toBeCloseTo(95);
    expect(result.components.orders.offeredRps).toBeCloseTo(95);
  });

  it("entry loads and payloads can be set per entry point; messages go through the queue to every consumer", () => {
    const design = designBuilder()
      .component("client", "web")
      .component("service", "api", { config: { replicas: 2, autoscaling: { enabled: false } } })
      .component("queue", "events")
      .component("worker", "mailer", { config: { replicas: 1, autoscaling: { enabled: false } } })
      .connect("web", "api")
      .connect("api", "events", { protocol: "async" })
      .connect("events", "mailer", { protocol: "async" })
      .build();
    const result = simulate(design, { entryLoads: { web: { rps: 400, payloadKb: 125 } } });
    expect(result.components.events.offeredRps).toBeCloseTo(400);
    expect(result.components.mailer).toMatchObject({ offeredRps: 400, capacityRps: 200, status: "overloaded" });
    // The worker falls behind, but the queue buffers: requests still succeed.
    expect(result.availability).toBe(1);
    // 125 KB adds 1 ms per hop.
    expect(result.paths[0].p50Ms).toBeCloseTo(1 + 51, 6);
  });

  it("an empty design simulates to full availability with nothing to explain but that", () => {
    const result = simulate(designBuilder().build());
    expect(result).toEqual({ components: {}, paths: [], bottleneck: undefined, availability: 1, explanations: ["Availability: 100 % of the 0 requests/s entering succeed."] });
  });
});

describe("journey phases", () => {
  it("cite headings that appear verbatim in the seeds", () => {
    for (const phase of Object.values(JOURNEY_PHASES)) {
      const text = readFileSync(new URL(`../../docs/seeds/${SEED_DOCUMENTS[phase.source.doc]}`, import.meta.url), "utf8");
      expect(text, phase.label).toContain(phase.source.section);
    }
  });
});
