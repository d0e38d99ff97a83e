import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runRules } from "@/lib/rules/run-rules";
import { simulate } from "@/lib/simulation";
import { detectFormat, importFiles, ImportError } from "../index";

const shopFile = {
  path: "shop/docker-compose.yml",
  text: readFileSync(new URL("../../../tests/fixtures/import/compose-shop/docker-compose.yml", import.meta.url), "utf8"),
};

function names(result: ReturnType<typeof importFiles>) {
  const byId = new Map(result.design.components.map((component) => [component.id, component.name]));
  return {
    components: result.design.components.map((component) => `${component.name}:${component.kind}`),
    connections: result.design.connections.map((connection) => `${byId.get(connection.source)}>${byId.get(connection.target)}`),
  };
}

describe("docker-compose import", () => {
  it("is detected by its file name or its services section", () => {
    expect(detectFormat([shopFile])).toBe("compose");
    expect(detectFormat([{ path: "stack.yaml", text: "services:\n  web:\n    image: nginx\n" }])).toBe("compose");
  });

  it("maps services to kinds by image and role, and connections from depends_on and environment values", () => {
    const result = importFiles([shopFile], { name: "Shop" });
    expect(names(result).components).toEqual(["proxy:reverse-proxy", "api:service", "order-worker:worker", "db:database", "cache:cache", "Users:client"]);
    expect(names(result).connections).toEqual(["proxy>api", "api>db", "api>cache", "order-worker>db", "order-worker>cache", "Users>proxy"]);
    const api = result.design.components.find((component) => component.name === "api")!;
    expect(api.kind === "service" && api.config).toMatchObject({ replicas: 3, port: 8080, probes: { livenessPath: "/healthz", readinessPath: "/healthz" } });
  });

  it("lists what it did not map, with file and line, and says so in the description", () => {
    const { unmapped, design } = importFiles([shopFile]);
    expect(unmapped).toContainEqual({ file: "shop/docker-compose.yml", line: 45, item: "volumes", reason: "Compose volumes have no counterpart in a design" });
    expect(unmapped).toContainEqual(expect.objectContaining({ item: "services.proxy: volumes, restart", reason: "Settings a design does not model" }));
    expect(unmapped).toContainEqual(expect.objectContaining({ item: "services.order-worker: command" }));
    expect(design.description).toContain("not mapped");
  });

  it("gives a design the rules and the simulation can work on", () => {
    const { design } = importFiles([shopFile]);
    expect(runRules(design).findings.length).toBeGreaterThan(0);
    const result = simulate(design);
    expect(result.paths.length).toBeGreaterThan(0);
  });

  it("names the design after the Compose project, else its folder", () => {
    expect(importFiles([shopFile]).design.name).toBe("shop");
    expect(importFiles([{ path: "billing/compose.yaml", text: "services:\n  web:\n    image: nginx\n" }]).design.name).toBe("billing");
  });

  it("is deterministic", () => {
    expect(importFiles([shopFile])).toEqual(importFiles([shopFile]));
  });

  it("refuses invalid YAML, alias bombs and files without services, changing nothing", () => {
    expect(() => importFiles([{ path: "compose.yml", text: "services:\n  api: [unclosed\n" }])).toThrow(ImportError);
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, level) => `${"bcdefghij"[level]}: &${"bcdefghij"[level]} [${Array(10).fill(`*${"abcdefghij"[level]}`).join(", ")}]`), "services:\n  web:\n    image: nginx"].join("\n");
    expect(() => importFiles([{ path: "compose.yml", text: bomb }])).toThrow(/aliases/);
    const deep = `services:\n  web:\n    image: nginx\n    labels: ${"[".repeat(100)}${"]".repeat(100)}\n`;
    expect(() => importFiles([{ path: "compose.yml", text: deep }])).toThrow(/nested deeper/);
    expect(() => importFiles([{ path: "compose.yml", text: "version: '3'\n" }], { from: "compose" })).toThrow(/No Compose file/);
  });
});
