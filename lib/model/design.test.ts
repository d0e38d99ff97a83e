import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createComponent, createConnection, createEmptyDesign, parseDesign, parseDesignJson, SCHEMA_VERSION, type Design } from "./index";

const frozenV1 = JSON.parse(readFileSync(new URL("./fixtures/v1.json", import.meta.url), "utf8"));

function withChain(): Design {
  const design = createEmptyDesign("Chain");
  const client = createComponent(design, "client", { x: 0, y: 0 });
  design.components.push(client);
  const gateway = createComponent(design, "api-gateway", { x: 0, y: 100 });
  design.components.push(gateway);
  const service = createComponent(design, "service", { x: 0, y: 200 });
  design.components.push(service);
  design.connections.push(createConnection(design, client, gateway));
  design.connections.push(createConnection(design, gateway, service));
  return design;
}

describe("design document", () => {
  it("opens the frozen version-1 fixture and fills in defaults", () => {
    const result = parseDesign(frozenV1);
    expect(result.success).toBe(true);
    if (!result.success) return;
    const balancer = result.design.components.find((component) => component.id === "load-balancer-1");
    expect(balancer?.kind).toBe("load-balancer");
    if (balancer?.kind !== "load-balancer") return;
    expect(balancer.config.healthCheck).toMatchObject({ path: "/healthz", intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 });
    expect(result.design.connections[0]).toMatchObject({ protocol: "http", tls: true, retry: { enabled: false } });
  });

  it("round-trips through JSON unchanged once parsed", () => {
    const design = withChain();
    const again = parseDesignJson(JSON.stringify(design));
    expect(again).toEqual({ success: true, design });
  });

  it("keeps hostile names byte for byte", () => {
    const names = ['quo"te\'s', "line\nbreak", "../../etc/passwd", "${var.x} {{x}}", "名前 🚀", "x".repeat(200)];
    const design = createEmptyDesign("Hostile");
    for (const name of names) design.components.push({ ...createComponent(design, "service", { x: 0, y: 0 }), name });
    const result = parseDesign(JSON.parse(JSON.stringify(design)));
    expect(result.success && result.design.components.map((component) => component.name)).toEqual(names);
  });

  it("names every failing path", () => {
    const result = parseDesign({
      schemaVersion: 1,
      name: "",
      components: [{ id: "Bad Id", kind: "database", name: "db", position: { x: 0, y: 0 }, config: { port: 70000 } }],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(["components.0.config.port", "components.0.id", "name"]);
  });

  it("rejects unknown component kinds", () => {
    const result = parseDesign({ schemaVersion: 1, name: "x", components: [{ id: "a", kind: "mainframe", name: "a", position: { x: 0, y: 0 } }] });
    expect(result.success).toBe(false);
  });

  it("rejects dangling references, duplicate ids, self-loops and zone cycles", () => {
    const result = parseDesign({
      schemaVersion: 1,
      name: "broken",
      components: [
        { id: "a", kind: "service", name: "a", zoneId: "nowhere", position: { x: 0, y: 0 } },
        { id: "a", kind: "service", name: "a again", position: { x: 0, y: 0 } },
      ],
      connections: [
        { id: "c1", source: "a", target: "ghost" },
        { id: "c2", source: "a", target: "a" },
      ],
      zones: [
        { id: "z1", kind: "k8s-namespace", name: "z1", parentId: "z2", position: { x: 0, y: 0 }, size: { width: 100, height: 100 } },
        { id: "z2", kind: "k8s-namespace", name: "z2", parentId: "z1", position: { x: 0, y: 0 }, size: { width: 100, height: 100 } },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const messages = result.issues.map((issue) => `${issue.path}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^components\.1\.id: Duplicate id "a"/),
        'components.0.zoneId: Zone "nowhere" does not exist',
        'connections.0.target: Component "ghost" does not exist',
        "connections.1.target: A component cannot connect to itself",
        expect.stringMatching(/^zones\.0\.parentId: .*nested in itself/),
      ]),
    );
  });

  it("refuses zones nested against the cloud's rules", () => {
    const result = parseDesign({
      schemaVersion: 1,
      name: "x",
      zones: [
        { id: "subnet", kind: "private-subnet", name: "s", position: { x: 0, y: 0 }, size: { width: 100, height: 100 } },
        { id: "region", kind: "region", name: "r", parentId: "subnet", position: { x: 0, y: 0 }, size: { width: 100, height: 100 } },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toContainEqual({ path: "zones.1.parentId", message: "A Region cannot be placed in a Private subnet" });
  });

  it("explains documents from a newer Archway and non-JSON text", () => {
    expect(parseDesign({ ...frozenV1, schemaVersion: SCHEMA_VERSION + 1 })).toEqual({
      success: false,
      issues: [{ path: "schemaVersion", message: expect.stringContaining("newer than this Archway understands") }],
    });
    const notJson = parseDesignJson("{ nope");
    expect(notJson.success).toBe(false);
    expect(!notJson.success && notJson.issues[0].message).toMatch(/^Not valid JSON/);
  });
});

describe("factory", () => {
  it("gives readable, unique ids and names", () => {
    const design = createEmptyDesign("x");
    const first = createComponent(design, "service", { x: 0, y: 0 });
    design.components.push(first);
    const second = createComponent(design, "service", { x: 0, y: 0 });
    expect([first.id, first.name, second.id, second.name]).toEqual(["service-1", "Service", "service-2", "Service 2"]);
  });

  it("starts each new hop 5 s below its caller, 60 s at the edge (002 Timeout Configuration)", () => {
    const design = withChain();
    expect(design.connections.map((connection) => connection.timeoutMs)).toEqual([60_000, 55_000]);
    const service = design.components[2];
    const downstream = createComponent(design, "service", { x: 0, y: 300 });
    design.components.push(downstream);
    expect(createConnection(design, service, downstream).timeoutMs).toBe(50_000);
  });

  it("leaves asynchronous hops without a timeout", () => {
    const design = createEmptyDesign("x");
    const service = createComponent(design, "service", { x: 0, y: 0 });
    design.components.push(service);
    const queue = createComponent(design, "queue", { x: 0, y: 0 });
    design.components.push(queue);
    const connection = createConnection(design, service, queue);
    expect(connection.protocol).toBe("async");
    expect(connection.timeoutMs).toBeUndefined();
  });
});
