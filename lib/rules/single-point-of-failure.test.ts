import { describe, expect, test } from "vitest";
import { singlePointOfFailure as rule } from "./single-point-of-failure";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const single = { replicas: 1, autoscaling: { enabled: false } };
const design = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("load-balancer", "lb", { name: "LB" })
  .component("service", "svc-fail", { name: "Orders", config: single })
  .component("service", "svc-pass", { name: "Catalog" })
  .component("nosql-database", "nosql-fail", { name: "Sessions", config: { replicationFactor: 1 } })
  .component("database", "db-own-rule", { config: { multiAz: false } })
  .component("service", "off-path", { config: single })
  .connect("web", "lb")
  .connect("lb", "svc-fail")
  .connect("lb", "svc-pass")
  .connect("svc-fail", "nosql-fail")
  .connect("svc-pass", "db-own-rule")
  .build();

describe("single-point-of-failure", () => {
  test("flags single-instance services and NoSQL stores on a request path, naming the path", () => {
    expect(findingIds(rule, design)).toEqual(["single-point-of-failure:svc-fail", "single-point-of-failure:nosql-fail"]);
    expect(rule.check(design)[0].message).toBe("Orders runs a single instance on the request path Web client → LB → Orders: when it fails, those requests fail.");
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("names a long path by its ends and length, so each finding stays small however deep the chain", () => {
    const builder = designBuilder().component("client", "web", { name: "Web client" });
    for (let index = 0; index < 1000; index += 1) builder.component("service", `s${index}`, { config: single });
    builder.connect("web", "s0", { timeoutMs: 1000 });
    for (let index = 1; index < 1000; index += 1) builder.connect(`s${index - 1}`, `s${index}`, { timeoutMs: 1000 });
    const findings = rule.check(builder.build());
    expect(findings).toHaveLength(1000);
    expect(findings[999].message).toBe(
      "s999 runs a single instance on the request path Web client → s0 → … → s996 → s997 → s998 → s999 (1000 hops): when it fails, those requests fail.",
    );
    expect(findings[999].connectionIds).toEqual(["web--s0", "s996--s997", "s997--s998", "s998--s999"]);
    expect(Math.max(...findings.map((finding) => JSON.stringify(finding).length))).toBeLessThan(2 * JSON.stringify(findings[3]).length);
  });

  test("an autoscaler that may shrink to one instance is a single point of failure too", () => {
    const scaled = designBuilder()
      .component("client", "web")
      .component("service", "svc-hpa-fail", { config: { replicas: 3, autoscaling: { enabled: true, minReplicas: 1 } } })
      .connect("web", "svc-hpa-fail")
      .build();
    expect(findingIds(rule, scaled)).toEqual(["single-point-of-failure:svc-hpa-fail"]);
  });

  test("fix runs two service instances and three NoSQL copies", () => {
    const fixed = fixFinding(rule, fixFinding(rule, design, "single-point-of-failure:svc-fail"), "single-point-of-failure:nosql-fail");
    expect(changedIds(design, fixed)).toEqual(["~component:nosql-fail", "~component:svc-fail"]);
    const service = componentIn(fixed, "svc-fail");
    expect(service.kind === "service" && service.config.replicas).toBe(2);
    const store = componentIn(fixed, "nosql-fail");
    expect(store.kind === "nosql-database" && store.config.replicationFactor).toBe(3);
  });
});
