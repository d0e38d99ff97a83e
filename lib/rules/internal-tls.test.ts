import { describe, expect, test } from "vitest";
import { internalTls as rule } from "./internal-tls";
import { changedIds, compliantStack, componentIn, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("client", "web")
  .component("service", "orders", { name: "Orders" })
  .component("database", "db", { name: "Orders DB" })
  .component("cache", "cache-fail", { name: "Cache", config: { encryptionInTransit: false } })
  .connect("web", "orders", { id: "edge-elsewhere", tls: false })
  .connect("orders", "db", { id: "plain-fail", tls: false })
  .connect("orders", "cache-fail", { id: "tls-pass" })
  .build();

describe("internal-tls", () => {
  test("flags unencrypted internal calls and caches", () => {
    expect(findingIds(rule, design)).toEqual(["internal-tls:plain-fail", "internal-tls:cache-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Orders → Orders DB is not encrypted: anyone inside the network can read or alter it.",
      "Cache accepts unencrypted connections, so cached data and credentials cross the network in clear text.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix turns on TLS for the connection or the cache", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "internal-tls:plain-fail"), "internal-tls:cache-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:cache-fail", "~connection:plain-fail"]);
    expect(connectionIn(fixed, "plain-fail").tls).toBe(true);
    const cache = componentIn(fixed, "cache-fail");
    expect(cache.kind === "cache" && cache.config.encryptionInTransit).toBe(true);
  });
});
