import { describe, expect, test } from "vitest";
import { retryBackoffJitter as rule } from "./retry-backoff-jitter";
import { changedIds, compliantStack, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "orders", { name: "Orders" })
  .component("service", "payments", { name: "Payments" })
  .component("service", "stock", { name: "Stock" })
  .component("service", "prices", { name: "Prices" })
  .connect("orders", "payments", { id: "fixed-fail", retry: { enabled: true, backoff: "fixed", jitter: true } })
  .connect("orders", "stock", { id: "jitter-fail", retry: { enabled: true, backoff: "exponential", jitter: false } })
  .connect("orders", "prices", { id: "off-pass", retry: { enabled: false, backoff: "none", jitter: false } })
  .build();

describe("retry-backoff-jitter", () => {
  test("flags enabled retries without exponential backoff or jitter", () => {
    expect(findingIds(rule, design)).toEqual(["retry-backoff-jitter:fixed-fail", "retry-backoff-jitter:jitter-fail"]);
    expect(rule.check(design).map((finding) => finding.message)).toEqual([
      "Orders → Payments retries at a fixed interval, so failed calls come back in synchronized waves.",
      "Orders → Stock retries without jitter, so failed calls come back in synchronized waves.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix switches to exponential backoff with jitter and keeps the rest of the policy", () => {
    const fixed = fixFinding(rule, design, "retry-backoff-jitter:fixed-fail");
    expect(changedIds(design, fixed)).toEqual(["~connection:fixed-fail"]);
    expect(connectionIn(fixed, "fixed-fail").retry).toEqual({ ...connectionIn(design, "fixed-fail").retry, backoff: "exponential", jitter: true });
  });
});
