import { describe, expect, it } from "vitest";
import { createComponent, createConnection, createEmptyDesign, type Design } from "@/lib/model";
import { runRules } from "@/lib/rules/run-rules";
import { applyFix } from "@/lib/rules/run-rules";
import { acknowledgeCommand, applyFixCommand, unacknowledgeCommand } from "./findings";

function publicChain(): Design {
  const design = createEmptyDesign("Chain");
  const client = createComponent(design, "client", { x: 0, y: 0 });
  design.components.push(client);
  const balancer = createComponent(design, "load-balancer", { x: 200, y: 0 });
  design.components.push(balancer);
  design.connections.push(createConnection(design, client, balancer));
  return design;
}

const wafFinding = (design: Design) => runRules(design).findings.find((finding) => finding.ruleId === "waf-before-public-entry")!;

describe("finding commands", () => {
  it("applies a fix so the finding goes away", () => {
    const design = publicChain();
    const finding = wafFinding(design);
    expect(finding.fixable).toBe(true);
    const fixed = applyFixCommand(finding, applyFix).run(design).design;
    expect(fixed.components.some((component) => component.kind === "waf")).toBe(true);
    expect(wafFinding(fixed)).toBeUndefined();
  });

  it("acknowledges once with a reason and reopens", () => {
    const design = publicChain();
    const finding = wafFinding(design);
    const once = acknowledgeCommand(finding, "Internal tool").run(design).design;
    const twice = acknowledgeCommand(finding, "Behind the VPN").run(once).design;
    expect(twice.acknowledgements).toEqual([{ ruleId: finding.ruleId, targetId: finding.targetId, reason: "Behind the VPN" }]);
    expect(wafFinding(twice).acknowledgement).toEqual({ reason: "Behind the VPN" });
    expect(unacknowledgeCommand(finding).run(twice).design.acknowledgements).toEqual([]);
  });
});
