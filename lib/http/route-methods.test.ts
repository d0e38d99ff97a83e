import { describe, expect, it } from "vitest";
import { allowedMethods, methodRefusal } from "./route-methods";

describe("allowed methods", () => {
  it("lists a route's methods with HEAD beside GET and OPTIONS, sorted", () => {
    expect(allowedMethods("/api/validate")).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods("/api/designs/abc")).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "PUT"]);
    expect(allowedMethods("/api/designs/abc/versions/3/restore/")).toEqual(["OPTIONS", "POST"]);
  });

  it("gives pages GET and HEAD, and nothing for an API path no route serves", () => {
    expect(allowedMethods("/designs/abc")).toEqual(["GET", "HEAD"]);
    expect(allowedMethods("/api/nothing-here")).toBeUndefined();
    expect(allowedMethods("/api/designs//export")).toBeUndefined();
  });

  it("refuses unknown methods everywhere and unexported ones on API routes, naming what is allowed", () => {
    expect(methodRefusal("TRACE", "/api/designs")).toEqual({ allow: "GET, HEAD, OPTIONS, POST", error: "TRACE is not allowed on /api/designs; allowed: GET, HEAD, OPTIONS, POST" });
    expect(methodRefusal("delete", "/api/validate")).toEqual({ allow: "OPTIONS, POST", error: expect.stringContaining("DELETE is not allowed") });
    expect(methodRefusal("PROPFIND", "/designs/x")?.allow).toBe("GET, HEAD");
    expect(methodRefusal("TRACE", "/api/nothing-here")?.allow).toBe("GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE");
  });

  it("lets through what a route answers, and standard methods on pages and unknown API paths (Next answers those)", () => {
    expect(methodRefusal("POST", "/api/validate")).toBeNull();
    expect(methodRefusal("HEAD", "/api/designs/x")).toBeNull();
    expect(methodRefusal("OPTIONS", "/api/designs/x/export")).toBeNull();
    expect(methodRefusal("POST", "/designs/x")).toBeNull();
    expect(methodRefusal("DELETE", "/api/nothing-here")).toBeNull();
  });
});
