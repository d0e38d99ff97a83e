import { alertsDefined } from "./alerts-defined";
import { asyncRetriesBounded } from "./async-retries-bounded";
import { autoscalingBounds } from "./autoscaling-bounds";
import { autoscalingScaleToDemand } from "./autoscaling-scale-to-demand";
import { cacheReplica } from "./cache-replica";
import { cacheTtl } from "./cache-ttl";
import { circuitBreakerServiceCalls } from "./circuit-breaker-service-calls";
import { connectionKindsAllowed } from "./connection-kinds-allowed";
import { connectionPoolCapacity } from "./connection-pool-capacity";
import { connectionPoolTimeout } from "./connection-pool-timeout";
import { connectionTimeoutMissing } from "./connection-timeout-missing";
import { danglingComponent } from "./dangling-component";
import { dataStoreCallers } from "./data-store-callers";
import { dataStorePrivateSubnet } from "./data-store-private-subnet";
import { dataStorePublicAccess } from "./data-store-public-access";
import { databaseBackups } from "./database-backups";
import { databaseMultiAz } from "./database-multi-az";
import { encryptionAtRest } from "./encryption-at-rest";
import { fireAndForgetViaQueue } from "./fire-and-forget-via-queue";
import { gatewayAuthentication } from "./gateway-authentication";
import { healthCheckPathMatchesProbe } from "./health-check-path-matches-probe";
import { healthCheckTiming } from "./health-check-timing";
import { httpsRedirect } from "./https-redirect";
import { internalTls } from "./internal-tls";
import { loadBalancerHealthCheck } from "./load-balancer-health-check";
import { logRetention } from "./log-retention";
import { observabilityReachable } from "./observability-reachable";
import { queueDeadLetter } from "./queue-dead-letter";
import { rateLimitingPublicApi } from "./rate-limiting-public-api";
import { readReplicasForReads } from "./read-replicas-for-reads";
import { retryAmplificationRule } from "./retry-amplification";
import { retryBackoffJitter } from "./retry-backoff-jitter";
import { retryBounded } from "./retry-bounded";
import { secretsManagerUsed } from "./secrets-manager-used";
import { singlePointOfFailure } from "./single-point-of-failure";
import { syncCallCycle } from "./sync-call-cycle";
import { timeoutShrinksAlongPath } from "./timeout-shrinks-along-path";
import { tlsAtEdge } from "./tls-at-edge";
import { wafBeforePublicEntry } from "./waf-before-public-entry";
import { workloadLivenessReadiness } from "./workload-liveness-readiness";
import { workloadMultiAz } from "./workload-multi-az";
import { zoneCidrsValid } from "./zone-cidrs-valid";
import type { Rule } from "./support/types";

/** Every rule, sorted by id. Adding a rule: its file `<id>.ts`, its test `<id>.test.ts`, and a line here. */
export const RULES: readonly Rule[] = [
  alertsDefined,
  asyncRetriesBounded,
  autoscalingBounds,
  autoscalingScaleToDemand,
  cacheReplica,
  cacheTtl,
  circuitBreakerServiceCalls,
  connectionKindsAllowed,
  connectionPoolCapacity,
  connectionPoolTimeout,
  connectionTimeoutMissing,
  danglingComponent,
  dataStoreCallers,
  dataStorePrivateSubnet,
  dataStorePublicAccess,
  databaseBackups,
  databaseMultiAz,
  encryptionAtRest,
  fireAndForgetViaQueue,
  gatewayAuthentication,
  healthCheckPathMatchesProbe,
  healthCheckTiming,
  httpsRedirect,
  internalTls,
  loadBalancerHealthCheck,
  logRetention,
  observabilityReachable,
  queueDeadLetter,
  rateLimitingPublicApi,
  readReplicasForReads,
  retryAmplificationRule,
  retryBackoffJitter,
  retryBounded,
  secretsManagerUsed,
  singlePointOfFailure,
  syncCallCycle,
  timeoutShrinksAlongPath,
  tlsAtEdge,
  wafBeforePublicEntry,
  workloadLivenessReadiness,
  workloadMultiAz,
  zoneCidrsValid,
];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export { SEVERITIES, CATEGORIES, type Severity, type Category, type Finding, type Rule, type RuleContext, type Detection } from "./support/types";
export {
  DEFAULT_MAX_FINDINGS,
  DEFAULT_MAX_FINDINGS_PER_RULE,
  boundFindings,
  type BoundedValidationResult,
  type FindingBounds,
  type OmittedFindings,
} from "./support/bound-findings";
