/**
 * Queueing at one hop, modelled as an M/M/1 queue per component (service time s, utilisation ρ): the wait W has
 * P(W > t) = ρ·e^(−(1−ρ)t/s), so latency stays at s at low load and grows without bound as ρ approaches 1.
 * Utilisation is capped just below 1: beyond it the component sheds the excess, and the callers' timeouts
 * (002 "Timeout Configuration") turn the rest into errors.
 */
export const MAX_QUEUE_UTILISATION = 0.99;

/** Transfer time per hop: the payload over a 1 Gbit/s link, 125 KB per millisecond. */
export const KB_PER_MS = 125;

/** Waiting time in the queue at quantile q (0.5 for p50, 0.95 for p95). */
export function waitQuantile(serviceMs: number, utilisation: number, q: number): number {
  const rho = Math.min(MAX_QUEUE_UTILISATION, Math.max(0, utilisation));
  if (serviceMs <= 0 || rho <= 1 - q) return 0;
  return (serviceMs / (1 - rho)) * Math.log(rho / (1 - q));
}

/** Share of calls still waiting after `timeoutMs`, when a response takes `fixedMs` plus the queueing wait. */
export function timeoutShare(serviceMs: number, utilisation: number, fixedMs: number, timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return 0;
  if (timeoutMs < fixedMs) return 1;
  const rho = Math.min(MAX_QUEUE_UTILISATION, Math.max(0, utilisation));
  if (serviceMs <= 0 || rho === 0) return 0;
  return Math.min(1, rho * Math.exp((-(1 - rho) * (timeoutMs - fixedMs)) / serviceMs));
}
