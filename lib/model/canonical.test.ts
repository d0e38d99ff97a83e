import { describe, expect, it } from "vitest";
import { findTemplate } from "@/lib/templates";
import { canonicalDesignText, parseDesignJson, SCHEMA_VERSION } from "./index";

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)]));
}

describe("canonicalDesignText", () => {
  const design = findTemplate("three-tier-web-app")!.design;

  it("reads back to the same design, with schemaVersion first, each item its own block and a final newline", () => {
    const text = canonicalDesignText(design);
    expect(text.startsWith(`{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "name": `)).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n    {\n      "id": "web",');
    expect(parseDesignJson(text)).toEqual({ success: true, design });
  });

  it("is the same text whatever order the file's keys came in, and formatting it again changes nothing", () => {
    const text = canonicalDesignText(design);
    const scrambled = parseDesignJson(JSON.stringify(reversedKeys(JSON.parse(text))));
    expect(scrambled.success && canonicalDesignText(scrambled.design)).toBe(text);
    const again = parseDesignJson(text);
    expect(again.success && canonicalDesignText(again.design)).toBe(text);
  });

  it("leaves defaults out, as designs are stored", () => {
    const text = canonicalDesignText(design);
    expect(text).not.toContain('"acknowledgements": []');
    expect(text.length).toBeLessThan(JSON.stringify(design, null, 2).length);
  });
});
