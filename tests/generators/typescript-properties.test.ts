import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { ComponentNames } from "@/lib/generators/component-names";
import { isSafeRelativePath } from "@/lib/generators/naming";
import { markdownText } from "@/lib/generators/typescript/escape";
import { parseDesign, type Design } from "@/lib/model";
import { hostileName } from "./support/designs";
import { createPackageChecker, createSyntaxChecker, nameLeaks } from "../helpers/typescript-compiler";

/** In every name, so any piece of a name in the output can be found. Mixed case and «»: no id, env name or path has it. */
const MARKER = "«Pwn»";

const markedName = fc
  .tuple(hostileName, hostileName)
  .map(([before, after]) => `${Array.from(before).slice(0, 95).join("")}${MARKER}${Array.from(after).slice(0, 95).join("")}`);

const awkwardId = fc.oneof(
  fc.constantFrom("constructor", "prototype", "default", "1a", "a--b", "a-", "0", "database", "redis", "x-queue", "x", "health", "port"),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,62}$/),
);

const route = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
  path: fc.constantFrom("/", "/api/items", "/api/items/:id", "/api/{{id}}/x", "/{__proto__}", "/a.b/c_d:e/{id}", "/health", "/../x"),
});

const WORKLOAD_KINDS = ["service", "worker"] as const;
const OTHER_KINDS = ["cache", "database", "queue", "load-balancer", "object-storage", "secrets-manager", "observability", "client"] as const;

function configFor(kind: string): fc.Arbitrary<Record<string, unknown>> {
  switch (kind) {
    case "service":
      return fc.record({ port: fc.integer({ min: 1, max: 65535 }), routes: fc.array(route, { maxLength: 4 }) });
    case "worker":
      return fc.record({ concurrency: fc.integer({ min: 1, max: 50 }) });
    case "cache":
      return fc.record({ engine: fc.constantFrom("redis", "memcached"), ttlSeconds: fc.integer({ min: 1, max: 86_400 }) });
    case "database":
      return fc.record({ engine: fc.constantFrom("postgres", "mysql"), pool: fc.record({ maxConnections: fc.integer({ min: 1, max: 50 }), minIdle: fc.integer({ min: 0, max: 60 }) }) });
    case "queue":
      return fc.record({
        mode: fc.constantFrom("queue", "stream"),
        deadLetterQueue: fc.boolean(),
        maxReceiveCount: fc.integer({ min: 1, max: 10 }),
        visibilityTimeoutSeconds: fc.integer({ min: 0, max: 600 }),
      });
    default:
      return fc.constant({});
  }
}

const connectionSettings = fc.record({
  protocol: fc.constantFrom("http", "grpc", "tcp", "async"),
  timeoutMs: fc.option(fc.integer({ min: 1, max: 120_000 }), { nil: undefined }),
  retry: fc.record({
    enabled: fc.boolean(),
    maxRetries: fc.integer({ min: 0, max: 10 }),
    backoff: fc.constantFrom("none", "fixed", "exponential"),
    baseDelayMs: fc.integer({ min: 0, max: 5000 }),
    maxDelayMs: fc.integer({ min: 0, max: 10_000 }),
    jitter: fc.boolean(),
  }),
  circuitBreaker: fc.record({
    enabled: fc.boolean(),
    failureThresholdPercent: fc.integer({ min: 1, max: 100 }),
    openSeconds: fc.integer({ min: 1, max: 600 }),
    halfOpenRequests: fc.integer({ min: 1, max: 10 }),
  }),
  label: fc.option(markedName, { nil: undefined }),
});

/** Designs with one to three workloads wired at random to each other and to stores, queues and more. */
const designs: fc.Arbitrary<Design> = fc
  .record({
    workloads: fc.array(fc.constantFrom(...WORKLOAD_KINDS), { minLength: 1, maxLength: 3 }),
    others: fc.array(fc.constantFrom(...OTHER_KINDS), { maxLength: 5 }),
  })
  .chain(({ workloads, others }) => {
    const kinds = [...workloads, ...others];
    return fc
      .record({
        name: markedName,
        ids: fc.uniqueArray(awkwardId, { minLength: kinds.length, maxLength: kinds.length }),
        names: fc.array(markedName, { minLength: kinds.length, maxLength: kinds.length }),
        configs: fc.tuple(...kinds.map(configFor)),
        pairs: fc.uniqueArray(fc.tuple(fc.nat(kinds.length - 1), fc.nat(kinds.length - 1)), {
          maxLength: 12,
          selector: ([source, target]) => `${source}>${target}`,
        }),
        settings: fc.array(connectionSettings, { minLength: 12, maxLength: 12 }),
      })
      .map((draw) => {
        const components = kinds.map((kind, index) => ({
          id: draw.ids[index],
          kind,
          name: draw.names[index],
          position: { x: 0, y: 0 },
          config: draw.configs[index],
        }));
        const connections = draw.pairs
          .filter(([source, target]) => source !== target)
          .map(([source, target], index) => ({
            id: `conn-${index}`,
            source: components[source].id,
            target: components[target].id,
            ...draw.settings[index],
          }));
        const taken = new Set(components.map((component) => component.id));
        const result = parseDesign({
          schemaVersion: 1,
          name: draw.name,
          components,
          connections: connections.filter((connection) => !taken.has(connection.id)),
        });
        if (!result.success) throw new Error(`The arbitrary built an invalid design: ${JSON.stringify(result.issues.slice(0, 3))}`);
        return result.design;
      });
  });

const typeErrors = createPackageChecker(fileURLToPath(new URL("../..", import.meta.url)));
const syntaxErrors = createSyntaxChecker();

describe("TypeScript services for random designs with hostile names", () => {
  it("stay valid code in which no name escapes a string literal", () => {
    fc.assert(
      fc.property(designs, (design) => {
        const files = generate(design, "typescript");
        const names = new Set([design.name, ...design.components.map((component) => component.name)]);
        const workloads = design.components.filter((component) => component.kind === "service" || component.kind === "worker");
        const folders = new ComponentNames(design);
        expect(new Set(files.map((file) => file.path.split("/").slice(0, 2).join("/")))).toEqual(
          new Set(workloads.map((component) => `services/${folders.of(component).folder}`)),
        );

        for (const workload of workloads) {
          const folder = `services/${folders.of(workload).folder}/`;
          const packageFiles = files.filter((file) => file.path.startsWith(folder));
          for (const file of packageFiles) {
            expect(isSafeRelativePath(file.path), file.path).toBe(true);
            const inside = file.path.slice(folder.length);
            expect(isSafeRelativePath(inside) && !inside.includes(".."), file.path).toBe(true);
            if (file.path.endsWith(".ts")) {
              expect(syntaxErrors(file), file.path).toEqual([]);
              expect(nameLeaks(file, MARKER, names), file.path).toEqual([]);
            } else if (file.path.endsWith(".json")) {
              expect(() => JSON.parse(file.contents), file.path).not.toThrow();
            } else if (file.path.endsWith("README.md")) {
              const stripped = [...names].reduce((text, name) => text.split(markdownText(name)).join(""), file.contents);
              expect(stripped.includes(MARKER), `${file.path} holds a name that is not Markdown-escaped`).toBe(false);
            } else {
              expect(file.contents.includes(MARKER), `${file.path} should hold no name`).toBe(false);
            }
          }
          const manifest = JSON.parse(packageFiles.find((file) => file.path === `${folder}package.json`)?.contents ?? "{}");
          expect(manifest.description).toBe(workload.name);
          expect(typeErrors(packageFiles.map((file) => ({ path: file.path.slice(folder.length), contents: file.contents })))).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
  }, 180_000);
});
