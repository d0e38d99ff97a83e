import { describe, expect, test } from "vitest";
import { createEmptyDesign } from "@/lib/model";
import { DRILLS, drillById, estimateCapacity, finalStage, runDrill, scenarioById, SCENARIOS, stageLoads, type DrillId } from "@/lib/practice";
import { configure, remove } from "@/lib/practice/mutations";
import { EDGE } from "@/lib/practice/reference";

/** Failure drills of 002 "Failure Scenarios", run by the simulation. */

const drill = (id: DrillId) => drillById(id)!;

describe.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))("drills on %s", (_id, scenario) => {
  test("a blank design fails every drill", () => {
    for (const each of DRILLS) expect(runDrill(each, createEmptyDesign("Blank"), scenario, finalStage(scenario)).passed).toBe(false);
  });

  test("the reference answer survives losing its cache, its primary database or a zone, and a 10× spike, at full scale", () => {
    for (const id of ["cache-down", "database-down", "traffic-spike", "zone-outage"] as const) {
      const run = runDrill(drill(id), scenario.reference, scenario, finalStage(scenario));
      expect({ id, passed: run.passed, explanations: run.passed ? [] : run.explanations }).toEqual({ id, passed: true, explanations: [] });
    }
  });
});

describe("each drill can fail", () => {
  const catalogue = scenarioById("product-catalogue")!;
  const checkout = scenarioById("checkout")!;
  const shortener = scenarioById("url-shortener")!;

  test("a database without a Multi-AZ standby does not survive losing its primary", () => {
    const run = runDrill(drill("database-down"), configure("orders-db", { multiAz: false })(checkout.reference), checkout, "1m");
    expect(run).toMatchObject({ passed: false, failed: ["Orders database"] });
    expect(run.availability).toBeLessThan(0.5);
    expect(runDrill(drill("database-down"), checkout.reference, checkout, "1m").explanations[0]).toMatch(/fails over to a standby/);
  });

  test("a fixed single instance does not survive a 10× spike that the autoscaled reference absorbs", () => {
    expect(runDrill(drill("traffic-spike"), catalogue.reference, catalogue, "1m").passed).toBe(true);
    const fixed = configure("product-service", { replicas: 1, autoscaling: { enabled: false } })(catalogue.reference);
    const run = runDrill(drill("traffic-spike"), fixed, catalogue, "1m");
    expect(run.passed).toBe(false);
    expect(run.explanations.join(" ")).toMatch(/Product service/);
  });

  test("without drawn zones, a service confined to one zone goes down with it", () => {
    const run = runDrill(drill("zone-outage"), configure("shortener", { spreadAcrossZones: false })(shortener.reference), shortener, "1m");
    expect(run).toMatchObject({ passed: false, failed: ["Shortener service"] });
  });

  test("losing the cache sends reads to the database; without a cache the drill says there is nothing to lose", () => {
    const run = runDrill(drill("cache-down"), shortener.reference, shortener, "1m");
    expect(run.failed).toEqual(["Hot codes (Redis)"]);
    expect(run.notApplicable).toBeUndefined();
    const noCache = runDrill(drill("cache-down"), scenarioById("file-storage")!.reference, scenarioById("file-storage")!, "1m");
    expect(noCache.explanations[0]).toBe("The design has no cache to lose.");
    expect(noCache).toMatchObject({ passed: true, notApplicable: true, failed: [] });
  });
});

describe("drills run at the stage's load whatever the entry point", () => {
  const catalogue = scenarioById("product-catalogue")!;
  /** The reference without users or edge: requests arrive straight at the internet-facing load balancer. */
  const withoutClient = [EDGE.users, EDGE.dns, EDGE.cdn, EDGE.waf, EDGE.rateLimiter].reduce((design, id) => remove(id)(design), catalogue.reference);

  test("a load balancer that is the only entry point takes the stage's whole peak load", () => {
    const peakRps = estimateCapacity(1_000_000, catalogue.capacity).peakRps;
    expect(stageLoads(withoutClient, catalogue, "1m")).toEqual({
      [EDGE.loadBalancer]: { rps: peakRps, readRatio: catalogue.capacity.readShare, payloadKb: catalogue.capacity.responseKb },
    });
  });

  test("three fixed instances behind a bare load balancer do not survive a 10× spike at 1M users", () => {
    // Three instances would carry 10× the simulation's default entry load; they cannot carry 10× the stage's peak.
    const fixed = configure("product-service", { replicas: 3, autoscaling: { enabled: false } })(withoutClient);
    const run = runDrill(drill("traffic-spike"), fixed, catalogue, "1m");
    expect(run.passed).toBe(false);
    expect(run.explanations.join(" ")).toMatch(/Product service/);
  });
});
