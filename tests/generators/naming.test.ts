import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boundedName,
  constantName,
  dnsLabel,
  environmentNamer,
  identifierFromId,
  isSafeRelativePath,
  shortName,
  slug,
} from "@/lib/generators/naming";
import { ID_PATTERN } from "@/lib/model";
import { HOSTILE_FRAGMENTS, hostileName } from "./support/designs";

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const anyText = fc.oneof(hostileName, fc.string({ unit: "grapheme", maxLength: 300 }), fc.constantFrom(...HOSTILE_FRAGMENTS, ""));
const anyId = fc.stringMatching(ID_PATTERN);

describe("naming helpers", () => {
  it("slug keeps to lowercase words joined by single hyphens, whatever the text", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 100 }), (text, maxLength) => {
        const result = slug(text, maxLength);
        expect(result).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(result.length).toBeLessThanOrEqual(Math.max(maxLength, "item".length));
      }),
    );
    expect(slug("Orders API (v2)")).toBe("orders-api-v2");
    expect(slug("Müller's café")).toBe("muller-s-cafe");
    expect(slug("../../etc")).toBe("etc");
    expect(slug("😀")).toBe("item");
  });

  it("boundedName gives valid DNS-1035 labels and AWS names within the limit, keeping distinct texts distinct", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 8, max: 63 }), (text, maxLength) => {
        const name = boundedName(text, maxLength);
        expect(name).toMatch(DNS_1035_LABEL);
        expect(name).not.toContain("--");
        expect(name.length).toBeLessThanOrEqual(maxLength);
      }),
    );
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        if (a !== b) expect(boundedName(a, 32)).not.toBe(boundedName(b, 32));
      }),
    );
    expect(boundedName("orders-db", 63)).toBe("orders-db");
    expect(boundedName("a--b")).not.toBe(boundedName("a-b"));
    expect(boundedName("1abc")).toMatch(/^x-1abc-[a-z0-9]{6}$/);
  });

  it("dnsLabel joins parts into one valid label, however long the ids", () => {
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        expect(dnsLabel(a, b)).toMatch(DNS_1035_LABEL);
      }),
    );
    expect(dnsLabel("fastapi", "config")).toBe("fastapi-config");
    expect(dnsLabel("x".repeat(63), "headless").length).toBeLessThanOrEqual(63);
  });

  it("identifierFromId is a valid identifier and different ids never share one", () => {
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        expect(identifierFromId(a)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        if (a !== b) expect(identifierFromId(a)).not.toBe(identifierFromId(b));
      }),
    );
    expect(identifierFromId("orders-db")).toBe("orders_db");
    expect(identifierFromId("1a")).toBe("_1a");
    expect(identifierFromId("a--b")).not.toBe(identifierFromId("a-b"));
    expect(identifierFromId('x"y')).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it("environment variable names stay in their alphabet", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(constantName(text)).toMatch(/^[A-Z][A-Z0-9_]*$/);
      }),
    );
    expect(constantName("orders-db")).toBe("ORDERS_DB");
    expect(constantName("1st")).toBe("N_1ST");
  });

  it("environmentNamer never hands out a name twice or a reserved one", () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 20 }), (ids) => {
        const name = environmentNamer(["PORT", "A_URL"]);
        const names = ids.map((id) => name(id, "_URL"));
        expect(new Set(names).size).toBe(names.length);
        expect(names).not.toContain("A_URL");
      }),
    );
    const name = environmentNamer([]);
    expect(name("a-b", "_URL")).toBe("A_B_URL");
    expect(name("a--b", "_URL")).toMatch(/^A_B_[A-Z0-9]{6}_URL$/);
  });

  it("shortName cuts at a word boundary and starts with a letter", () => {
    expect(shortName("Shared API gateway on ECS (004)", 24)).toBe("shared-api-gateway-on");
    expect(shortName("2024 plan", 24)).toBe("a-2024-plan");
    fc.assert(
      fc.property(anyText, (text) => {
        expect(shortName(text, 24)).toMatch(/^[a-z][a-z0-9-]{0,23}$/);
      }),
    );
  });

  it("isSafeRelativePath accepts only paths that stay inside their folder", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(isSafeRelativePath(`${slug(text)}/${slug(text)}.yaml`)).toBe(true);
      }),
    );
    for (const path of ["", "/etc/passwd", "../x", "a/../b", "a//b", "a/./b", "a\\b", "C:/x", "a\nb", "a/"]) expect(isSafeRelativePath(path)).toBe(false);
    for (const path of ["a", "a/b.tf", "prod/components/api/deployment.yaml", "..a/b..", ".hidden"]) expect(isSafeRelativePath(path)).toBe(true);
  });
});
