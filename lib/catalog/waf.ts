import { z } from "zod";
import { cite } from "../model/citation";
import { defineKind } from "./types";
import { capacityOverride } from "./shared";

export const AWS_MANAGED_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
  "AWSManagedRulesAmazonIpReputationList",
  "AWSManagedRulesBotControlRuleSet",
] as const;

export const waf = defineKind({
  kind: "waf",
  label: "WAF",
  layer: "edge",
  description: "Web application firewall blocking SQL injection, XSS, bad bots and floods before they reach the origin.",
  config: z.object({
    managedRuleGroups: z
      .array(z.enum(AWS_MANAGED_RULE_GROUPS))
      .default(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet"])
      .describe("AWS managed rule groups: SQL injection and XSS protection (002 edge layer: WAF)."),
    rateLimitPerIpPer5Min: z.number().int().min(100).max(20_000_000).default(5000).describe("Requests one IP may send in 5 minutes before it is blocked (002 edge layer: 1000 req/min per IP)."),
    blockMode: z.boolean().default(true).describe("Block matches instead of only counting them (002 READ flow, step 4: Fail → 403 Forbidden)."),
    capacityPerInstance: capacityOverride("requests/s", "100,000 (002 \"Defense in Depth\")"),
  }),
  acceptsFrom: ["client", "dns", "cdn"],
  acceptsFromReason: "A WAF filters traffic coming from the internet, so it sits right after the client, DNS or CDN.",
  defaultProtocol: "http",
  capacity: { perInstance: 100_000, unit: "requests/s", latencyMs: 1, source: cite("002", "Defense in Depth") },
  sources: [cite("002", "Defense in Depth"), cite("003", "Application Load Balancer (ALB)")],
});
