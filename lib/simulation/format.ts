import type { Capacity } from "../catalog";

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 1,000 for large numbers, 2.5 for small ones: explanations quote figures a person can check. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "∞";
  return Math.abs(value) >= 100 ? whole.format(Math.round(value)) : oneDecimal.format(value);
}

export function formatPercent(share: number): string {
  if (share > 0.999 && share < 1) return `${oneDecimal.format(Math.floor(share * 1000) / 10)} %`;
  return `${formatNumber(share * 100)} %`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${oneDecimal.format(ms / 1000)} s` : `${formatNumber(ms)} ms`;
}

/** The unit a kind's load is counted in, as people say it: queries per second are QPS. */
export function unitLabel(unit: Capacity["unit"]): string {
  switch (unit) {
    case "queries/s":
      return "QPS";
    case "connections":
      return "requests/s";
    default:
      return unit;
  }
}
