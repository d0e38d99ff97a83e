import { internetExposure } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";

export const gatewayAuthentication = defineRule({
  id: "gateway-authentication",
  title: "Public API gateways authenticate callers",
  severity: "error",
  category: "security",
  rationale:
    "A gateway that lets anonymous requests through hands every public route to anyone who finds it. Verifying a JWT at the gateway (signature, expiry, claims) stops unauthenticated calls before they cost a service anything.",
  citations: [cite("002", "READ Operation Flow (e.g., GET /api/products/123)"), cite("000", "JWT Token Validation"), cite("002", "Defense in Depth")],
  remediation: "Require JWT authentication on the API gateway's public routes.",
  detect(design, { graph }) {
    const exposed = internetExposure(graph).reached;
    return design.components.flatMap((component) =>
      component.kind === "api-gateway" && exposed.has(component.id) && component.config.authentication === "none"
        ? [
            {
              targetId: component.id,
              message: `${component.name} is reachable from the internet and accepts requests without authentication.`,
              componentIds: [component.id],
            },
          ]
        : [],
    );
  },
  fix(design, finding) {
    return updateConfig(design, finding.targetId, "api-gateway", (config) => ({ ...config, authentication: "jwt" }));
  },
});
