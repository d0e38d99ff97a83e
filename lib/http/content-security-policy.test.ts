import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split("; ").map((directive) => {
    const [name, ...values] = directive.split(" ");
    return [name, values];
  }));
}

describe("content security policy", () => {
  it("allows scripts only from this origin or with the request's nonce, and forbids framing", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", development: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("keeps what the app needs: inline styles without a nonce, data/blob images, blob workers", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", development: false }));
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("img-src")).toEqual(expect.arrayContaining(["data:", "blob:"]));
    expect(policy.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(contentSecurityPolicy({ nonce: "abc", development: false })).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "abc", development: false })).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ nonce: "abc", development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("refuses a nonce that could break out of the header", () => {
    expect(() => contentSecurityPolicy({ nonce: "x'; script-src *", development: false })).toThrow(/base64/);
  });

  it("makes a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
