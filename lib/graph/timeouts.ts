import type { ComponentKind } from "../catalog";
import { EDGE_TIMEOUT_MS, TIMEOUT_STEP_MS, type Connection } from "../model";
import type { DesignGraph } from "./design-graph";

/**
 * Inline filters that add no wait of their own (AWS WAF and rate limiting are evaluated in front of the
 * origin), so they may pass a request on with the same timeout they received it with.
 */
export const TRANSPARENT_KINDS: ReadonlySet<ComponentKind> = new Set<ComponentKind>(["waf", "rate-limiter"]);

/** How long the callers of a component are prepared to wait for it, and who sets that limit. */
export interface CallerBudget {
  ms: number;
  /** The synchronous call with the shortest timeout into the component, when a call sets the limit. */
  connection?: Connection;
  /** True when the limit is the component's own idle timeout (a load balancer cuts idle connections). */
  idleTimeout: boolean;
}

/** The shortest wait imposed on a component by its synchronous callers or its own idle timeout; undefined when nothing limits it. */
export function callerBudget(graph: DesignGraph, componentId: string): CallerBudget | undefined {
  let budget: CallerBudget | undefined;
  for (const connection of graph.syncIncoming(componentId)) {
    if (connection.timeoutMs === undefined) continue;
    if (!budget || connection.timeoutMs < budget.ms) budget = { ms: connection.timeoutMs, connection, idleTimeout: false };
  }
  const component = graph.component(componentId);
  if (component.kind === "load-balancer") {
    const idleMs = component.config.idleTimeoutSeconds * 1000;
    if (!budget || idleMs < budget.ms) budget = { ms: idleMs, idleTimeout: true };
  }
  return budget;
}

/** Whether a call out of `componentId` waiting `timeoutMs` fits inside the budget its callers give it. */
export function fitsBudget(graph: DesignGraph, componentId: string, timeoutMs: number, budget: CallerBudget): boolean {
  return TRANSPARENT_KINDS.has(graph.component(componentId).kind) ? timeoutMs <= budget.ms : timeoutMs < budget.ms;
}

/** A timeout that expires before `budgetMs`: one 5 s step shorter (002 "Timeout Configuration"), or half when the budget is small. */
export function timeoutBelow(budgetMs: number): number {
  return budgetMs > 2 * TIMEOUT_STEP_MS ? budgetMs - TIMEOUT_STEP_MS : Math.max(1, Math.floor(budgetMs / 2));
}

/** The timeout a call out of `componentId` should have: below its callers' budget, or what a browser waits at the edge. */
export function suggestedTimeout(graph: DesignGraph, componentId: string): number {
  const budget = callerBudget(graph, componentId);
  return budget ? timeoutBelow(budget.ms) : EDGE_TIMEOUT_MS;
}
