import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/simulate/route";
import { designBuilder } from "@/tests/helpers/design-builder";
import { simulate } from "@/lib/simulation";

function post(body: unknown): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return POST(new Request("http://localhost/api/simulate", { method: "POST", body: text, headers: { "content-type": "application/json" } }), undefined);
}

const chain = designBuilder()
  .component("client", "web", { config: { requestsPerSecond: 1000, readPercent: 100 } })
  .component("service", "api", { config: { replicas: 4, autoscaling: { enabled: false } } })
  .component("cache", "redis")
  .component("database", "db")
  .connect("web", "api")
  .connect("api", "redis")
  .connect("api", "db")
  .build();

describe("POST /api/simulate", () => {
  it("returns what simulate() returns for the design and options", async () => {
    const options = { failures: [{ type: "component" as const, componentId: "redis" }], loadMultiplier: 2 };
    const response = await post({ design: chain, ...options });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(simulate(chain, options))));
    expect(body.components.db).toMatchObject({ offeredRps: 2000, status: "overloaded" });
  });

  it("answers 400 naming the path of every problem", async () => {
    expect((await post("{ nope")).status).toBe(400);
    const noDesign = await post({ loadMultiplier: 2 });
    expect([noDesign.status, (await noDesign.json()).issues]).toEqual([400, [{ path: "design", message: "Required: the design document to simulate" }]]);
    const badShape = await post({ design: chain, loadMultiplier: -1, failures: [{ type: "meteor" }] });
    expect(badShape.status).toBe(400);
    expect((await badShape.json()).issues.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(["loadMultiplier", "failures.0.type"]));
    const invalid = await post({ design: { schemaVersion: 1, name: "" } });
    expect((await invalid.json()).issues).toEqual([{ path: "design.name", message: "A name cannot be empty" }]);
    const unknown = await post({ design: chain, entryLoads: { api: { rps: 5 }, ghost: { rps: 1 } }, failures: [{ type: "zone", zoneId: "az-z" }] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).issues).toEqual([
      { path: "entryLoads.api", message: '"api" is not an entry point (a client, or an internet-facing component nothing calls)' },
      { path: "entryLoads.ghost", message: 'No component "ghost"' },
      { path: "failures.0.zoneId", message: 'No zone "az-z"' },
    ]);
  });
});
