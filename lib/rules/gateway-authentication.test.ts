import { describe, expect, test } from "vitest";
import { gatewayAuthentication as rule } from "./gateway-authentication";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("client", "web")
  .component("api-gateway", "gw-fail", { name: "Public API", config: { authentication: "none" } })
  .component("api-gateway", "gw-key-pass", { config: { authentication: "api-key" } })
  .connect("web", "gw-fail")
  .connect("web", "gw-key-pass")
  .build();

describe("gateway-authentication", () => {
  test("flags a public gateway that accepts anonymous requests", () => {
    expect(findingIds(rule, design)).toEqual(["gateway-authentication:gw-fail"]);
    expect(rule.check(design)[0].message).toBe("Public API is reachable from the internet and accepts requests without authentication.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix requires JWT", () => {
    const fixed = fixFinding(rule, design, "gateway-authentication:gw-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:gw-fail"]);
    const gateway = componentIn(fixed, "gw-fail");
    expect(gateway.kind === "api-gateway" && gateway.config.authentication).toBe("jwt");
  });
});
