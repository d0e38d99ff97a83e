import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./cross-site";

const own = "http://localhost:3000";
const request = (method: string, origin: string | null, secFetchSite: string | null) => crossSiteRefusal({ method, origin, secFetchSite, ownOrigin: own });

describe("cross-site refusal", () => {
  it("lets the app's own pages and non-browser clients write", () => {
    expect(request("POST", own, "same-origin")).toBeNull();
    expect(request("PUT", "http://localhost:3000", null)).toBeNull();
    expect(request("DELETE", null, null)).toBeNull();
    expect(request("POST", null, "none")).toBeNull();
  });

  it("refuses writes a browser reports as coming from another site", () => {
    for (const site of ["cross-site", "same-site"]) {
      expect(request("POST", null, site)).toMatch(new RegExp(`Cross-site POST refused.*${site}`));
    }
  });

  it("refuses writes whose Origin is another origin, an opaque one or garbage", () => {
    for (const origin of ["http://attacker.example", "http://localhost:3001", "https://localhost:3000", "null", "not a url"]) {
      expect(request("PATCH", origin, null)).toMatch(/Cross-site PATCH refused: Origin/);
    }
  });

  it("never refuses reads, whatever their provenance", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(request(method, "http://attacker.example", "cross-site")).toBeNull();
  });

  it("compares origins, not spellings", () => {
    expect(crossSiteRefusal({ method: "POST", origin: "http://LOCALHOST:80", secFetchSite: null, ownOrigin: "http://localhost" })).toBeNull();
  });
});
