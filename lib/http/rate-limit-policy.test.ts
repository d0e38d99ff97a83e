import { describe, expect, it } from "vitest";
import { clientKey, DEFAULT_BURST, rateLimitedRoute, rateLimitFromEnv } from "./rate-limit-policy";

describe("rate-limit policy", () => {
  it("limits the expensive routes, each under its own name", () => {
    expect(rateLimitedRoute("POST", "/api/validate")).toBe("POST /api/validate");
    expect(rateLimitedRoute("post", "/api/simulate")).toBe("POST /api/simulate");
    expect(rateLimitedRoute("GET", "/api/designs/d-1/export")).toBe("GET /api/designs/:id/export");
    expect(rateLimitedRoute("GET", "/api/designs/d-1/files")).toBe("GET /api/designs/:id/files");
    expect(rateLimitedRoute("POST", "/api/practice/sessions/s-1/events")).toBe("POST /api/practice/sessions/:id/events");
    expect(rateLimitedRoute("POST", "/api/designs")).toBe("POST /api/designs");
  });

  it("leaves cheap routes and other methods alone", () => {
    for (const [method, path] of [["GET", "/api/designs"], ["PUT", "/api/designs/d-1"], ["GET", "/api/designs/d-1"], ["GET", "/"], ["GET", "/api/validate"]]) {
      expect(rateLimitedRoute(method, path)).toBeNull();
    }
  });

  it("reads the limits from the environment, 0 turning them off", () => {
    expect(rateLimitFromEnv({})).toEqual({ capacity: DEFAULT_BURST, refillPerSecond: 2 });
    expect(rateLimitFromEnv({ ARCHWAY_RATE_LIMIT_PER_MINUTE: "30", ARCHWAY_RATE_LIMIT_BURST: "5" })).toEqual({ capacity: 5, refillPerSecond: 0.5 });
    expect(rateLimitFromEnv({ ARCHWAY_RATE_LIMIT_PER_MINUTE: "0" })).toBeNull();
    expect(() => rateLimitFromEnv({ ARCHWAY_RATE_LIMIT_BURST: "lots" })).toThrow(/ARCHWAY_RATE_LIMIT_BURST/);
  });

  it("counts a request against the address the server or its trusted proxy saw last", () => {
    expect(clientKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientKey("1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientKey(null)).toBe("unknown");
  });
});
