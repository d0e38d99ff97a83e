import { describe, expect, test } from "vitest";
import { retryAmplificationRule as rule } from "./retry-amplification";
import { compliantStack, designBuilder, findingIds } from "@/tests/helpers/design-builder";

const retry = (maxRetries: number) => ({ enabled: true, maxRetries });

describe("retry-amplification", () => {
  test("warns with the multiplied count when two hops of a path retry", () => {
    const design = designBuilder()
      .component("api-gateway", "gateway", { name: "Gateway" })
      .component("service", "orders", { name: "Orders" })
      .component("service", "payments", { name: "Payments" })
      .connect("gateway", "orders", { id: "outer", retry: retry(3) })
      .connect("orders", "payments", { id: "inner-fail", retry: retry(3) })
      .build();
    const [finding] = rule.check(design);
    expect(finding.id).toBe("retry-amplification:inner-fail");
    expect(finding.message).toBe(
      "One request can reach Payments up to 16 times: Gateway → Orders retries 3 times and Orders → Payments retries 3 times (4 × 4 attempts).",
    );
    expect(finding.connectionIds).toEqual(["outer", "inner-fail"]);
  });

  test("counts every retrying hop on the worst path, skipping hops that do not retry", () => {
    const design = designBuilder()
      .component("service", "a")
      .component("service", "b")
      .component("service", "c")
      .component("service", "d")
      .connect("a", "b", { retry: retry(2) })
      .connect("b", "c")
      .connect("c", "d", { id: "deep-fail", retry: retry(4) })
      .build();
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "One request can reach d up to 15 times: a → b retries 2 times and c → d retries 4 times (3 × 5 attempts).",
    ]);
  });

  test("summarises long chains of retrying hops", () => {
    const builder = designBuilder();
    for (let index = 0; index <= 6; index += 1) builder.component("service", `s${index}`);
    for (let index = 1; index <= 6; index += 1) builder.connect(`s${index - 1}`, `s${index}`, { id: `hop${index}`, retry: retry(3) });
    const last = rule.check(builder.build()).find((finding) => finding.id === "retry-amplification:hop6");
    expect(last?.message).toBe(
      "One request can reach s6 up to 4096 times: s0 → s1 retries 3 times, s1 → s2 retries 3 times, s2 → s3 retries 3 times and 3 more hops retry (6 retrying hops).",
    );
    expect(last?.connectionIds).toEqual(["hop1", "hop2", "hop3", "hop4", "hop5", "hop6"]);
  });

  test("names each chain once, at the hop that ends it, in constant size however long the chain", () => {
    const builder = designBuilder();
    for (let index = 0; index <= 500; index += 1) builder.component("service", `s${index}`);
    for (let index = 1; index <= 500; index += 1) builder.connect(`s${index - 1}`, `s${index}`, { id: `hop${index}`, timeoutMs: 1000, retry: retry(index === 250 ? 5 : 2) });
    builder.component("service", "side").connect("s100", "side", { id: "branch", timeoutMs: 1000, retry: retry(1) });
    const findings = rule.check(builder.build());
    expect(findings.map((finding) => finding.id)).toEqual(["retry-amplification:hop500", "retry-amplification:branch"]);
    const [end, branch] = findings;
    expect(end.message).toBe(
      "One request can reach s500 up to more than a million times: s0 → s1 retries 2 times, s1 → s2 retries 2 times, s249 → s250 retries 5 times and 497 more hops retry (500 retrying hops).",
    );
    expect(end.connectionIds).toEqual(["hop1", "hop2", "hop3", "hop4", "hop5", "hop6", "hop7", "hop250", "hop500"]);
    expect(branch.message).toContain("(101 retrying hops)");
  });

  test("reports the worst chain into a callee, not every caller's chain into it", () => {
    const design = designBuilder()
      .component("service", "a")
      .component("service", "b")
      .component("service", "c")
      .component("service", "d")
      .component("service", "e")
      .connect("a", "b", { retry: retry(2) })
      .connect("a", "c", { retry: retry(1) })
      .connect("b", "d", { id: "worst-fail", retry: retry(3) })
      .connect("c", "d", { id: "milder-pass", retry: retry(3) })
      .connect("a", "e", { retry: retry(1) })
      .build();
    expect(findingIds(rule, design)).toEqual(["retry-amplification:worst-fail"]);
    expect(rule.check(design)[0].message).toBe("One request can reach d up to 12 times: a → b retries 2 times and b → d retries 3 times (3 × 4 attempts).");
  });

  test("passes when only one hop of each path retries", () => {
    const design = designBuilder()
      .component("service", "a")
      .component("service", "b")
      .component("service", "c")
      .connect("a", "b", { id: "one-pass", retry: retry(3) })
      .connect("b", "c")
      .build();
    expect(findingIds(rule, design)).toEqual([]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("retries over asynchronous hops do not multiply synchronous calls", () => {
    const design = designBuilder()
      .component("service", "a")
      .component("queue", "q")
      .component("service", "c")
      .component("service", "d")
      .connect("a", "q", { retry: retry(3) })
      .connect("q", "c", { protocol: "async", retry: retry(3) })
      .connect("c", "d", { id: "after-queue-pass", retry: retry(3) })
      .build();
    expect(findingIds(rule, design)).toEqual([]);
  });
});
