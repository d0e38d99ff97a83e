import { singlePointsOfFailure } from "../graph";
import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { describePathSummary, pathSummaryIds } from "./support/format";

/** Databases and caches have their own redundancy rules (database-multi-az, cache-replica), so they are not repeated here. */
const COVERED_HERE = new Set(["service", "nosql-database"]);

export const singlePointOfFailure = defineRule({
  id: "single-point-of-failure",
  title: "No single point of failure on a request path",
  severity: "error",
  category: "reliability",
  rationale:
    "A component that runs as one instance on a request path takes every request through it down when that instance crashes, is redeployed or loses its zone. At least two instances keep the path up (minimum 2 replicas always running).",
  citations: [cite("003", "High Availability (99.95% Uptime SLA)"), cite("002", "Horizontal Scaling")],
  remediation: "Run at least two instances: 2 replicas (and an autoscaling minimum of 2) for a service, a replication factor of 3 for a NoSQL database.",
  detect(_design, { graph }) {
    return singlePointsOfFailure(graph)
      .filter(({ component }) => COVERED_HERE.has(component.kind))
      .map(({ component, path }) => ({
        targetId: component.id,
        message:
          path.length > 0
            ? `${component.name} runs a single instance on the request path ${describePathSummary(graph, path)}: when it fails, those requests fail.`
            : `${component.name} runs a single instance at the start of a request path: when it fails, every request through it fails.`,
        ...pathSummaryIds(path, component.id),
      }));
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind === "nosql-database") return updateConfig(design, component.id, "nosql-database", (config) => ({ ...config, replicationFactor: 3 }));
    return updateConfig(design, finding.targetId, "service", (config) => ({
      ...config,
      replicas: Math.max(2, config.replicas),
      autoscaling: config.autoscaling.enabled
        ? { ...config.autoscaling, minReplicas: Math.max(2, config.autoscaling.minReplicas), maxReplicas: Math.max(2, config.autoscaling.maxReplicas) }
        : config.autoscaling,
    }));
  },
});
