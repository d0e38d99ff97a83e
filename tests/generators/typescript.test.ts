import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { generateTypescriptServices, planServices } from "@/lib/generators/typescript";
import { markdownText, tsString } from "@/lib/generators/typescript/escape";
import { DEFAULT_DOWNSTREAM_TIMEOUT_MS, tableName } from "@/lib/generators/typescript/plan";
import { createRenderer, type Render } from "@/lib/generators/typescript/render";
import { TEMPLATE_OPTIONS } from "@/lib/generators/typescript/template-options";
import { DesignSchema, SCHEMA_VERSION, type DesignInput } from "@/lib/model";
import { fixtureDesigns } from "./support/designs";

function design(components: DesignInput["components"], connections: DesignInput["connections"] = []) {
  return DesignSchema.parse({ schemaVersion: SCHEMA_VERSION, name: "Test", components, connections });
}

const at = { x: 0, y: 0 };

/** Files whose text follows from the design; every other file is the same in every package. */
const DESIGN_DEPENDENT = ["Dockerfile", "README.md", "package.json", "src/config.ts", "src/design.ts", "src/index.ts", "test/config.test.ts"];

/**
 * The golden file map: every path with a SHA-256 of its text, and the full text of the design-dependent
 * files. Any changed byte shows up in the diff, without storing each shared module once per package.
 */
function goldenFileMap(files: { path: string; contents: string }[]): string {
  return files
    .map((file) => {
      const header = `===== ${file.path} (sha256 ${createHash("sha256").update(file.contents).digest("hex")}) =====`;
      const inPackage = file.path.split("/").slice(2).join("/");
      return DESIGN_DEPENDENT.includes(inPackage) ? `${header}\n${file.contents}` : header;
    })
    .join("\n");
}

describe("the TypeScript services generator", () => {
  const fixtures = fixtureDesigns();

  it.each(fixtures.map((fixture) => [fixture.name, fixture.design] as const))("matches the golden file map of %s", async (name, sample) => {
    await expect(goldenFileMap(generateTypescriptServices(sample))).toMatchFileSnapshot(`__snapshots__/${name}.typescript.txt`);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture.design] as const))("gives byte-identical files for the same design (%s)", (_, sample) => {
    const copy = DesignSchema.parse(JSON.parse(JSON.stringify(sample)));
    expect(generateTypescriptServices(copy)).toEqual(generateTypescriptServices(sample));
  });

  it("is registered as the typescript target, with sorted paths under services/<component name>/", () => {
    const sample = fixtures[0].design;
    const files = generate(sample, "typescript");
    expect(files).toEqual(generateTypescriptServices(sample));
    expect(files.map((file) => file.path)).toEqual(files.map((file) => file.path).sort());
    const workloads = sample.components.filter((component) => component.kind === "service" || component.kind === "worker");
    expect(new Set(files.map((file) => file.path.split("/").slice(0, 2).join("/")))).toEqual(new Set(["services/auth", "services/finance", "services/report-builder"]));
    expect(workloads.map((c) => c.name)).toEqual(["Auth", "Finance", "Report builder"]);
  });

  it("leaves out the modules and libraries of dependencies a service does not have", () => {
    const files = generateTypescriptServices(design([{ id: "solo", kind: "service", name: "Solo", position: at }]));
    const paths = files.map((file) => file.path.replace("services/solo/", ""));
    expect(paths).not.toContain("src/cache.ts");
    expect(paths).not.toContain("src/store.ts");
    expect(paths).not.toContain("src/downstream.ts");
    expect(paths).not.toContain("src/queue.ts");
    const manifest = JSON.parse(files.find((file) => file.path === "services/solo/package.json")?.contents ?? "");
    expect(Object.keys(manifest.dependencies)).toEqual(["pino", "prom-client", "zod"]);
    expect(manifest.scripts).toMatchObject({ build: "tsc -p tsconfig.json", start: "node dist/index.js" });
  });
});

describe("planServices", () => {
  it("wires a call, a cache, a database and a queue from the connections", () => {
    const [orders] = planServices(
      design(
        [
          { id: "orders", kind: "service", name: "Orders", position: at },
          { id: "inventory", kind: "service", name: "Inventory", position: at, config: { routes: [{ method: "POST", path: "/a" }, { method: "GET", path: "/b/:id" }] } },
          { id: "redis", kind: "cache", name: "Redis", position: at, config: { ttlSeconds: 42 } },
          { id: "db", kind: "database", name: "DB", position: at },
          { id: "jobs", kind: "queue", name: "Jobs", position: at },
        ],
        [
          { id: "c1", source: "orders", target: "inventory", timeoutMs: 1234 },
          { id: "c2", source: "orders", target: "redis" },
          { id: "c3", source: "orders", target: "db" },
          { id: "c4", source: "orders", target: "jobs" },
        ],
      ),
    );
    expect(orders.downstream).toMatchObject([{ componentId: "inventory", environmentVariable: "INVENTORY_URL", route: { method: "GET", path: "/b/:id" }, timeoutMs: 1234 }]);
    expect(orders.cache).toMatchObject({ componentId: "redis", ttlSeconds: 42 });
    expect(orders.database).toMatchObject({ componentId: "db", table: "orders_items" });
    expect(orders.queues).toMatchObject([{ componentId: "jobs", publishes: true, consumes: false, environmentVariable: "JOBS_QUEUE_URL" }]);
    expect(orders.environment.map((variable) => variable.name)).toEqual(["PORT", "LOG_LEVEL", "DATABASE_URL", "REDIS_URL", "JOBS_QUEUE_URL", "INVENTORY_URL"]);
  });

  it("keeps environment variable names distinct when ids would collide with each other or the fixed names", () => {
    const [caller] = planServices(
      design(
        [
          { id: "caller", kind: "service", name: "Caller", position: at },
          { id: "database", kind: "service", name: "A service called database", position: at },
          { id: "x-queue", kind: "service", name: "x-queue", position: at },
          { id: "x", kind: "queue", name: "x", position: at },
        ],
        [
          { id: "c1", source: "caller", target: "x" },
          { id: "c2", source: "caller", target: "database" },
          { id: "c3", source: "caller", target: "x-queue" },
        ],
      ),
    );
    const names = caller.environment.map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("X_QUEUE_URL");
    expect(names.filter((name) => name === "DATABASE_URL")).toHaveLength(0);
    expect(names.every((name) => /^[A-Z][A-Z0-9_]*$/.test(name))).toBe(true);
  });

  it("reaches the service behind an internal load balancer", () => {
    const [, front] = planServices(
      design(
        [
          { id: "back", kind: "service", name: "Back", position: at, config: { routes: [{ method: "GET", path: "/x" }] } },
          { id: "front", kind: "service", name: "Front", position: at },
          { id: "lb", kind: "load-balancer", name: "LB", position: at },
        ],
        [
          { id: "c1", source: "front", target: "lb" },
          { id: "c2", source: "lb", target: "back" },
        ],
      ),
    );
    expect(front.downstream).toMatchObject([{ componentId: "lb", serviceId: "back", environmentVariable: "LB_URL", route: { path: "/x" } }]);
    expect(front.downstream[0].timeoutMs).toBe(DEFAULT_DOWNSTREAM_TIMEOUT_MS);
  });

  it("says which connections get no generated code and why", () => {
    const [service] = planServices(
      design(
        [
          { id: "svc", kind: "service", name: "Svc", position: at },
          { id: "mysql", kind: "database", name: "MySQL", position: at, config: { engine: "mysql" } },
          { id: "pg-1", kind: "database", name: "First", position: at },
          { id: "pg-2", kind: "database", name: "Second", position: at },
          { id: "memcached", kind: "cache", name: "Memcached", position: at, config: { engine: "memcached" } },
          { id: "files", kind: "object-storage", name: "Files", position: at },
          { id: "mute", kind: "service", name: "Mute", position: at, config: { routes: [] } },
        ],
        ["mysql", "pg-1", "pg-2", "memcached", "files", "mute"].map((target, index) => ({ id: `c${index}`, source: "svc", target })),
      ),
    );
    expect(service.database?.componentId).toBe("pg-1");
    expect(service.unwired.map((connection) => connection.componentId)).toEqual(["mysql", "pg-2", "memcached", "files", "mute"]);
    expect(service.unwired.every((connection) => connection.reason.length > 0)).toBe(true);
  });

  it("shares one consumer group in queue mode and gives each consumer its own in stream mode", () => {
    const plans = planServices(
      design(
        [
          { id: "work-queue", kind: "queue", name: "Q", position: at, config: { mode: "queue", visibilityTimeoutSeconds: 0 } },
          { id: "events", kind: "queue", name: "S", position: at, config: { mode: "stream", deadLetterQueue: false } },
          { id: "worker-a", kind: "worker", name: "Worker A", position: at },
        ],
        [
          { id: "c1", source: "work-queue", target: "worker-a", protocol: "async" },
          { id: "c2", source: "events", target: "worker-a", protocol: "async" },
        ],
      ),
    );
    expect(plans[0].queues).toMatchObject([
      { componentId: "work-queue", consumes: true, consumerGroup: "consumers", visibilityTimeoutMs: 1000, deadLetterStreamKey: "queue:q:dead-letter" },
      { componentId: "events", consumes: true, consumerGroup: "worker-a", deadLetterStreamKey: null },
    ]);
    expect(plans[0].port).toBe(8080);
    expect(plans[0].routes).toEqual([]);
  });

  it("names tables after their services within PostgreSQL's 63 characters, distinct for long names that start alike", () => {
    const long = `Orders ${"b".repeat(80)}`;
    const plans = planServices(
      design(
        [
          { id: "db", kind: "database", name: "DB", position: at },
          { id: "s1", kind: "service", name: "Orders API", position: at },
          { id: "s2", kind: "service", name: long, position: at },
          { id: "s3", kind: "service", name: long, position: at },
        ],
        ["s1", "s2", "s3"].map((source, index) => ({ id: `c${index}`, source, target: "db" })),
      ),
    );
    const tables = plans.map((plan) => plan.database?.table ?? "");
    expect(tables[0]).toBe("orders_api_items");
    expect(tables.every((table) => table.length <= 63 && /^[a-z][a-z0-9_]*$/.test(table))).toBe(true);
    expect(new Set(tables).size).toBe(3);
    expect(tableName("orders_api")).toBe("orders_api_items");
  });
});

describe("escaping", () => {
  it("turns text into a double-quoted literal that also survives line separators", () => {
    expect(tsString('a"b\\c\n${x}')).toBe('"a\\"b\\\\c\\n${x}"');
    expect(tsString("a\u2028b\u2029")).toBe('"a\\u2028b\\u2029"');
  });

  it("escapes Markdown punctuation and flattens line breaks", () => {
    expect(markdownText("[x](javascript:1) <b>|`\n# y")).toBe("\\[x\\]\\(javascript\\:1\\) \\<b\\>\\|\\` \\# y");
  });
});

/** A renderer over ad-hoc templates, precompiled the way scripts/precompile-templates.mjs does it. */
function rendererFor(...templates: string[]): Render {
  return createRenderer(new Map(templates.map((template) => [template, new Function(`return ${Handlebars.precompile(template, TEMPLATE_OPTIONS)}`)() as TemplateSpecification])));
}

describe("the renderer", () => {
  it("uses its own Handlebars environment and leaves the global one untouched", () => {
    const render = rendererFor("{{code value}}");
    expect(render("{{code value}}", { value: "npm test" })).toBe("`npm test`");
    expect(Handlebars.helpers.code).toBeUndefined();
  });

  it("does not escape HTML, because escaping happened in the view-model", () => {
    expect(rendererFor("{{value}}")("{{value}}", { value: '"<a>"' })).toBe('"<a>"');
  });

  it("fails on a misspelt field, an unknown helper or text the code helper cannot quote", () => {
    expect(() => rendererFor("{{missing}}")("{{missing}}", {})).toThrow(/"missing" not defined/);
    expect(() => rendererFor("{{json value}}")("{{json value}}", { value: 1 })).toThrow(/unknown helper json/);
    expect(() => rendererFor("{{code value}}")("{{code value}}", { value: "a`b" })).toThrow(/cannot quote/);
  });

  it("refuses a template that was not precompiled, naming the command that precompiles", () => {
    expect(() => createRenderer()("{{value}}", { value: 1 })).toThrow(/npm run templates:precompile/);
  });
});
