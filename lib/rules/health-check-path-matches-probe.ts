import { graphOf } from "../graph";
import { cite, type ComponentOf } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";
import type { DesignGraph } from "../graph";

function mismatchedServices(graph: DesignGraph, balancer: ComponentOf<"load-balancer">): ComponentOf<"service">[] {
  const path = balancer.config.healthCheck.path;
  return graph
    .syncOutgoing(balancer.id)
    .map((connection) => graph.component(connection.target))
    .filter((target): target is ComponentOf<"service"> => target.kind === "service")
    .filter((service) => path !== service.config.probes.livenessPath && path !== service.config.probes.readinessPath);
}

export const healthCheckPathMatchesProbe = defineRule({
  id: "health-check-path-matches-probe",
  title: "Load balancer health checks hit an endpoint the service serves",
  severity: "warning",
  category: "reliability",
  rationale:
    "If the load balancer probes a path the service does not answer, every target looks unhealthy and the load balancer stops routing to all of them, or the check is switched off in frustration. Probe the service's own health endpoint.",
  citations: [cite("003", "Application Load Balancer (ALB)"), cite("002", "Health Checks")],
  remediation: "Point the load balancer's health check at the service's readiness (or liveness) endpoint.",
  detect(design, { graph }) {
    return design.components.flatMap((component) => {
      if (component.kind !== "load-balancer" || !component.config.healthCheck.enabled) return [];
      const services = mismatchedServices(graph, component);
      if (services.length === 0) return [];
      const readiness = new Set(services.map((service) => service.config.probes.readinessPath));
      const served = services.map((service) => `${service.name} answers ${service.config.probes.livenessPath} and ${service.config.probes.readinessPath}`);
      return [
        {
          targetId: component.id,
          message: `${component.name} probes ${component.config.healthCheck.path}, but ${listNames(served)}.`,
          componentIds: [component.id, ...services.map((service) => service.id)],
          fixable: readiness.size === 1,
        },
      ];
    });
  },
  fix(design, finding) {
    const graph = graphOf(design);
    const balancer = graph.component(finding.targetId) as ComponentOf<"load-balancer">;
    const [service] = mismatchedServices(graph, balancer);
    if (!service) return design;
    return updateConfig(design, balancer.id, "load-balancer", (config) => ({
      ...config,
      healthCheck: { ...config.healthCheck, path: service.config.probes.readinessPath },
    }));
  },
});
