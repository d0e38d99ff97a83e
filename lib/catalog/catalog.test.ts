import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED_DOCUMENTS } from "../model/citation";
import { canConnectKinds } from "./connections";
import { COMPONENT_KINDS, defaultConfig, kindDefinition, LAYERS } from "./index";
import { ZONE_DEFINITIONS, ZONE_KINDS } from "./zones";

const catalogDir = new URL(".", import.meta.url);
const repoRoot = new URL("../../", import.meta.url);
const NOT_KIND_FILES = new Set(["index.ts", "types.ts", "shared.ts", "zones.ts", "connections.ts"]);

function seedText(doc: keyof typeof SEED_DOCUMENTS): string {
  return readFileSync(new URL(`docs/seeds/${SEED_DOCUMENTS[doc]}`, repoRoot), "utf8");
}

describe("component catalogue", () => {
  const kindFiles = readdirSync(catalogDir).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !NOT_KIND_FILES.has(file));

  it("registers every kind file exactly once, in a file named after the kind", () => {
    const kinds = COMPONENT_KINDS.map((definition) => definition.kind);
    expect(new Set(kinds).size, "duplicate kind ids in lib/catalog/index.ts").toBe(kinds.length);
    expect(kinds.slice().sort(), "each lib/catalog/<kind>.ts must be listed in lib/catalog/index.ts").toEqual(kindFiles.map((file) => basename(file, ".ts")).sort());
    for (const file of kindFiles) {
      const source = readFileSync(new URL(file, catalogDir), "utf8");
      expect(source, `${file} must declare kind: "${basename(file, ".ts")}"`).toContain(`kind: "${basename(file, ".ts")}"`);
    }
  });

  it.each(COMPONENT_KINDS.map((definition) => [definition.kind, definition] as const))("%s has an icon, a label, a layer and parseable defaults", (kind, definition) => {
    expect(existsSync(new URL(`public/icons/${kind}.svg`, repoRoot)), `add public/icons/${kind}.svg`).toBe(true);
    expect(definition.label.length).toBeGreaterThan(0);
    expect(LAYERS).toContain(definition.layer);
    expect(() => defaultConfig(kind)).not.toThrow();
    expect(definition.config.parse(defaultConfig(kind))).toEqual(defaultConfig(kind));
  });

  it.each(COMPONENT_KINDS.map((definition) => [definition.kind, definition] as const))("%s documents every setting and cites seeds that exist", (kind, definition) => {
    for (const [field, schema] of Object.entries(definition.config.shape)) {
      expect((schema as { description?: string }).description, `${kind}.config.${field} needs .describe() help text`).toBeTruthy();
    }
    for (const citation of [...definition.sources, definition.capacity.source]) {
      expect(seedText(citation.doc), `${kind} cites "${citation.section}" which is not in seed ${citation.doc}`).toContain(citation.section);
    }
    for (const source of definition.acceptsFrom) expect(() => kindDefinition(source as never), `${kind} accepts unknown kind ${source}`).not.toThrow();
  });

  it("zone kinds cite seeds and only nest in known zone kinds", () => {
    for (const kind of ZONE_KINDS) {
      const definition = ZONE_DEFINITIONS[kind];
      expect(definition.kind).toBe(kind);
      expect(seedText(definition.source.doc)).toContain(definition.source.section);
      for (const parent of definition.allowedParents) expect(ZONE_KINDS).toContain(parent);
    }
  });

  it("refuses connections that make no sense, saying why", () => {
    const verdict = canConnectKinds("client", "database");
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toMatch(/^Client cannot connect to Database: Database accepts connections only from Service, Worker\./);
    expect(canConnectKinds("service", "database")).toEqual({ allowed: true });
    expect(canConnectKinds("load-balancer", "service")).toEqual({ allowed: true });
    expect(canConnectKinds("queue", "worker")).toEqual({ allowed: true });
    expect(canConnectKinds("cache", "client").allowed).toBe(false);
  });
});
