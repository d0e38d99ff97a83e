import { describe, expect, test } from "vitest";
import { tlsAtEdge as rule } from "./tls-at-edge";
import { changedIds, compliantStack, componentIn, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("cdn", "cdn-fail", { name: "CDN", config: { tls: false } })
  .component("load-balancer", "lb-pass", { name: "LB" })
  .component("service", "orders")
  .component("load-balancer", "internal-pass", { config: { scheme: "internal", tls: false } })
  .component("service", "stock")
  .connect("web", "cdn-fail")
  .connect("web", "lb-pass", { id: "plain-fail", tls: false })
  .connect("lb-pass", "orders")
  .connect("orders", "internal-pass")
  .connect("internal-pass", "stock")
  .build();

describe("tls-at-edge", () => {
  test("flags internet-facing components and client connections without TLS", () => {
    expect(findingIds(rule, design)).toEqual(["tls-at-edge:cdn-fail", "tls-at-edge:plain-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "CDN faces the internet without TLS, so requests and responses cross it in clear text.",
      "Web client → LB is not encrypted: the client's requests cross the internet in clear text.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("an internal load balancer behind a gateway's VPC link is not the edge", () => {
    const vpcLink = designBuilder()
      .component("client", "web")
      .component("api-gateway", "gateway")
      .component("load-balancer", "private-pass", { config: { scheme: "internal", tls: false } })
      .component("service", "orders")
      .connect("web", "gateway")
      .connect("gateway", "private-pass")
      .connect("private-pass", "orders")
      .build();
    expect(findingIds(rule, vpcLink)).toEqual([]);
  });

  test("fix turns TLS on for the component or the connection", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "tls-at-edge:cdn-fail"), "tls-at-edge:plain-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:cdn-fail", "~connection:plain-fail"]);
    const cdn = componentIn(fixed, "cdn-fail");
    expect(cdn.kind === "cdn" && cdn.config.tls).toBe(true);
    expect(connectionIn(fixed, "plain-fail").tls).toBe(true);
  });
});
