import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/validate/route";
import { boundFindings } from "@/lib/rules";
import { runRules } from "@/lib/rules/run-rules";
import { compliantStack, designBuilder } from "@/tests/helpers/design-builder";

function post(body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }): Promise<Response> {
  return POST(new Request("http://localhost/api/validate", { method: "POST", body, headers }), undefined);
}

const sketch = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("load-balancer", "lb", { name: "Public LB" })
  .component("service", "orders")
  .connect("web", "lb")
  .connect("lb", "orders")
  .build();

describe("POST /api/validate", () => {
  it("returns the findings and scores of a design", async () => {
    const response = await post(JSON.stringify(sketch));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(boundFindings(runRules(sketch)))));
    expect(body.total).toBe(runRules(sketch).findings.length);
    expect(body.findings[0]).toMatchObject({ id: "waf-before-public-entry:lb", severity: "error" });
  });

  it("fills defaults like every other entry point: a minimal document validates", async () => {
    const response = await post(JSON.stringify({ schemaVersion: 1, name: "Empty" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ findings: [], scores: { overall: 100 } });
    expect((await post(JSON.stringify(compliantStack().build()))).status).toBe(200);
  });

  it("answers 400 when the body is not JSON", async () => {
    const response = await post("{ nope");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "Request body is not valid JSON", issues: [{ path: "" }] });
  });

  it("answers 422 with the path of every schema issue", async () => {
    const response = await post(
      JSON.stringify({ schemaVersion: 1, name: "", components: [{ id: "a", kind: "service", name: "A", position: { x: 0, y: 0 } }], connections: [{ id: "c", source: "a", target: "ghost" }] }),
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe("The design document is invalid");
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { path: "name", message: "A name cannot be empty" },
        { path: "connections.0.target", message: 'Component "ghost" does not exist' },
      ]),
    );
  });

  it("answers 413 above 5 MB", async () => {
    const response = await post(JSON.stringify({ schemaVersion: 1, name: "Big", description: "x".repeat(6 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/larger than 5 MB/);
  });
});
