import { describe, expect, it } from "vitest";
import { connectionLabel, formatTimeout } from "./labels";

describe("labels", () => {
  it("formats timeouts", () => {
    expect(formatTimeout(55_000)).toBe("55 s");
    expect(formatTimeout(1500)).toBe("1.5 s");
    expect(formatTimeout(250)).toBe("250 ms");
  });

  it("labels edges with protocol and timeout, then the free-text label first", () => {
    expect(connectionLabel({ protocol: "http", timeoutMs: 55_000 })).toBe("HTTP · 55 s");
    expect(connectionLabel({ protocol: "async" })).toBe("Async");
    expect(connectionLabel({ protocol: "grpc", timeoutMs: 5000, label: "orders" })).toBe("orders · gRPC · 5 s");
  });
});
