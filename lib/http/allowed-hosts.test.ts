import { describe, expect, it } from "vitest";
import { allowedHostsFromEnv, isAllowedHost, parseHost } from "./allowed-hosts";

describe("allowed hosts", () => {
  const loopbackOn3000 = allowedHostsFromEnv({ PORT: "3000" });

  it("answers the loopback names on the serving port when bound to loopback", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000"]) expect(isAllowedHost(host, loopbackOn3000)).toBe(true);
  });

  it("refuses a rebound name, another port, a missing or garbled Host", () => {
    for (const host of ["attacker.example:3000", "attacker.example", "localhost:3001", "localhost", "127.0.0.2:3000", "localhost.:3000", "localhost:3000@evil", "", null]) {
      expect(isAllowedHost(host, loopbackOn3000)).toBe(false);
    }
  });

  it("treats a Host without a port as the default port", () => {
    const on80 = allowedHostsFromEnv({ PORT: "80" });
    expect(isAllowedHost("localhost", on80)).toBe(true);
    expect(isAllowedHost("localhost:80", on80)).toBe(true);
  });

  it("adds a specific HOST address, but not a wildcard one", () => {
    expect(isAllowedHost("192.168.1.20:3000", allowedHostsFromEnv({ HOST: "192.168.1.20", PORT: "3000" }))).toBe(true);
    expect(isAllowedHost("[fd00::20]:3000", allowedHostsFromEnv({ HOST: "fd00::20", PORT: "3000" }))).toBe(true);
    expect(isAllowedHost("0.0.0.0:3000", allowedHostsFromEnv({ HOST: "0.0.0.0", PORT: "3000" }))).toBe(false);
    expect(isAllowedHost("192.168.1.20:3000", allowedHostsFromEnv({ HOST: "0.0.0.0", PORT: "3000" }))).toBe(false);
  });

  it("adds ARCHWAY_ALLOWED_HOSTS entries, with a port only where one is given", () => {
    const allowed = allowedHostsFromEnv({ HOST: "0.0.0.0", PORT: "3000", ARCHWAY_ALLOWED_HOSTS: " archway.example.com , build-box:3000,[fd00::1]:8080" });
    expect(isAllowedHost("archway.example.com", allowed)).toBe(true);
    expect(isAllowedHost("archway.example.com:8443", allowed)).toBe(true);
    expect(isAllowedHost("build-box:3000", allowed)).toBe(true);
    expect(isAllowedHost("build-box:3001", allowed)).toBe(false);
    expect(isAllowedHost("[fd00::1]:8080", allowed)).toBe(true);
    expect(isAllowedHost("localhost:3000", allowed)).toBe(true);
    expect(isAllowedHost("other.example.com", allowed)).toBe(false);
  });

  it("names a malformed ARCHWAY_ALLOWED_HOSTS entry", () => {
    expect(() => allowedHostsFromEnv({ ARCHWAY_ALLOWED_HOSTS: "good.example, http://bad.example/" })).toThrow(/"http:\/\/bad.example\/"/);
  });

  it("parses names, ports and bracketed IPv6", () => {
    expect(parseHost("Example.COM:0080")).toEqual({ hostname: "example.com", port: "80" });
    expect(parseHost("[::1]")).toEqual({ hostname: "[::1]" });
    expect(parseHost("::1")).toBeUndefined();
  });
});
