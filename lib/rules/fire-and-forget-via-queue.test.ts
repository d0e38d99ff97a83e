import { describe, expect, test } from "vitest";
import { fireAndForgetViaQueue as rule } from "./fire-and-forget-via-queue";
import { changedIds, compliantStack, connectionIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .component("service", "orders", { name: "Orders" })
  .component("service", "email", { name: "Email service" })
  .component("service", "analytics", { name: "Analytics" })
  .component("service", "payments", { name: "Payments" })
  .component("queue", "events")
  .connect("orders", "email", { id: "email-fail" })
  .connect("orders", "analytics", { id: "analytics-fail", protocol: "grpc" })
  .connect("orders", "payments", { id: "payments-pass" })
  .connect("orders", "events", { id: "queued-pass" })
  .build();

describe("fire-and-forget-via-queue", () => {
  test("flags synchronous calls to email, notification or analytics services", () => {
    expect(findingIds(rule, design)).toEqual(["fire-and-forget-via-queue:email-fail", "fire-and-forget-via-queue:analytics-fail"]);
    expect(rule.check(design)[0].message).toBe(
      "Orders → Email service is a synchronous call, but Email service sounds like fire-and-forget work: Orders's callers wait for it and fail with it.",
    );
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix replaces the call with a queue the service consumes asynchronously", () => {
    const fixed = fixFinding(rule, design, "fire-and-forget-via-queue:email-fail");
    expect(changedIds(design, fixed)).toEqual(["+component:queue-1", "+connection:conn-1", "+connection:conn-2", "-connection:email-fail"]);
    expect(connectionIn(fixed, "conn-1")).toMatchObject({ source: "orders", target: "queue-1", protocol: "async" });
    expect(connectionIn(fixed, "conn-2")).toMatchObject({ source: "queue-1", target: "email", protocol: "async" });
    expect(connectionIn(fixed, "conn-2").timeoutMs).toBeUndefined();
  });
});
