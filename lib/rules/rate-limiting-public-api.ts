import { graphOf, mustBeFrontedBy, type FrontingRequirement } from "../graph";
import { cite, type Component } from "../model";
import { defineRule } from "./support/define-rule";
import { insertInFront, planInsertion } from "./support/edits";
import { describePathSummary, pathSummaryIds } from "./support/format";

/** Components that limit request rates per client: a rate limiter, an API gateway's throttling, an ingress with a rate limit. */
function limitsRate(component: Component): boolean {
  if (component.kind === "rate-limiter" || component.kind === "api-gateway") return true;
  return component.kind === "reverse-proxy" && component.config.rateLimitPerSecond > 0;
}

export const RATE_LIMIT_REQUIREMENT: FrontingRequirement = { kinds: ["service"], by: limitsRate };

export const rateLimitingPublicApi = defineRule({
  id: "rate-limiting-public-api",
  title: "Public APIs are rate limited",
  severity: "warning",
  category: "security",
  rationale:
    "Without a per-user and per-IP limit, one misbehaving client, scraper or brute-force attempt can use up the capacity meant for everyone. A rate limiter answers the excess with 429 Too Many Requests before it reaches a service.",
  citations: [cite("002", "Defense in Depth"), cite("002", "Rate Limiter (Token Bucket / Sliding Window)")],
  remediation: "Route public traffic through a rate limiter (100 requests/min per user, 1000 per IP), an API gateway with throttling, or an ingress with a rate limit.",
  detect(_design, { graph }) {
    return mustBeFrontedBy(graph, RATE_LIMIT_REQUIREMENT).map(({ component, path }) => ({
      targetId: component.id,
      message:
        path.length > 0
          ? `Public requests reach ${component.name} without any rate limit (${describePathSummary(graph, path)}).`
          : `${component.name} is public and not rate limited.`,
      ...pathSummaryIds(path, component.id),
      fixable: planInsertion(graph, component.id, "rate-limiter", RATE_LIMIT_REQUIREMENT) !== undefined,
    }));
  },
  fix(design, finding) {
    if (!planInsertion(graphOf(design), finding.targetId, "rate-limiter", RATE_LIMIT_REQUIREMENT)) return design;
    return insertInFront(design, finding.targetId, "rate-limiter", RATE_LIMIT_REQUIREMENT);
  },
});
