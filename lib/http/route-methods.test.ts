import { describe, expect, it } from "vitest";
import { allowedMethods } from "./route-methods";

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
});
