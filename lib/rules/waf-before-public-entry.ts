import { graphOf, mustBeFrontedBy, type FrontingRequirement } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { insertInFront, planInsertion } from "./support/edits";
import { describePathSummary, pathSummaryIds } from "./support/format";

/** The first load balancer, gateway, ingress or service that internet traffic meets must be behind a WAF. */
export const WAF_REQUIREMENT: FrontingRequirement = { kinds: ["load-balancer", "api-gateway", "reverse-proxy", "service"], by: ["waf"] };

export const wafBeforePublicEntry = defineRule({
  id: "waf-before-public-entry",
  title: "Internet traffic passes a WAF before the load balancer or gateway",
  severity: "error",
  category: "security",
  rationale:
    "The load balancer or gateway is where the internet meets your code. A web application firewall in front of it blocks SQL injection, cross-site scripting, known bad inputs and floods before they reach a service: the first layer of defence in depth.",
  citations: [cite("002", "Defense in Depth"), cite("003", "Application Load Balancer (ALB)"), cite("000", "AWS WAF")],
  remediation: "Put a WAF between the internet and the first load balancer, gateway or service, with the AWS managed common, known-bad-inputs and SQL injection rule groups.",
  detect(_design, { graph }) {
    return mustBeFrontedBy(graph, WAF_REQUIREMENT).map(({ component, path }) => ({
      targetId: component.id,
      message:
        path.length > 0
          ? `Requests reach ${component.name} from the internet without passing a WAF (${describePathSummary(graph, path)}).`
          : `${component.name} faces the internet directly with no WAF in front of it.`,
      ...pathSummaryIds(path, component.id),
      fixable: planInsertion(graph, component.id, "waf", WAF_REQUIREMENT) !== undefined,
    }));
  },
  fix(design, finding) {
    if (!planInsertion(graphOf(design), finding.targetId, "waf", WAF_REQUIREMENT)) return design;
    return insertInFront(design, finding.targetId, "waf", WAF_REQUIREMENT);
  },
});
