import type { TokenBucketOptions } from "./rate-limiter";

/**
 * The routes whose requests cost real work (rules, simulation, generation, zips, writes of whole designs) and so
 * are rate-limited per client. Each has its own bucket, so a burst of practice steps never holds up an export.
 */
const LIMITED_ROUTES: { method: string; pattern: RegExp; name: string }[] = [
  { method: "POST", pattern: /^\/api\/validate\/?$/, name: "POST /api/validate" },
  { method: "POST", pattern: /^\/api\/simulate\/?$/, name: "POST /api/simulate" },
  { method: "GET", pattern: /^\/api\/designs\/[^/]+\/export\/?$/, name: "GET /api/designs/:id/export" },
  { method: "GET", pattern: /^\/api\/designs\/[^/]+\/files\/?$/, name: "GET /api/designs/:id/files" },
  { method: "POST", pattern: /^\/api\/practice\/sessions\/[^/]+\/events\/?$/, name: "POST /api/practice/sessions/:id/events" },
  { method: "POST", pattern: /^\/api\/designs\/?$/, name: "POST /api/designs" },
];

/** The limited route a request belongs to ("POST /api/validate"), or null when it is not limited. */
export function rateLimitedRoute(method: string, pathname: string): string | null {
  const upper = method.toUpperCase();
  return LIMITED_ROUTES.find((route) => route.method === upper && route.pattern.test(pathname))?.name ?? null;
}

export interface RateLimitEnv {
  ARCHWAY_RATE_LIMIT_PER_MINUTE?: string;
  ARCHWAY_RATE_LIMIT_BURST?: string;
}

/** Defaults sized so that a person working in the UI, and the test suites, never meet them. */
export const DEFAULT_RATE_PER_MINUTE = 120;
export const DEFAULT_BURST = 60;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === "") return fallback;
  if (!/^\d+$/.test(text.trim())) throw new Error(`${name} must be a whole number, got "${text}"`);
  return Number(text.trim());
}

/** The bucket settings from the environment; null when ARCHWAY_RATE_LIMIT_PER_MINUTE=0 turns limiting off. */
export function rateLimitFromEnv(env: RateLimitEnv): Pick<TokenBucketOptions, "capacity" | "refillPerSecond"> | null {
  const perMinute = positiveInteger("ARCHWAY_RATE_LIMIT_PER_MINUTE", env.ARCHWAY_RATE_LIMIT_PER_MINUTE, DEFAULT_RATE_PER_MINUTE);
  if (perMinute === 0) return null;
  const burst = positiveInteger("ARCHWAY_RATE_LIMIT_BURST", env.ARCHWAY_RATE_LIMIT_BURST, DEFAULT_BURST);
  return { capacity: Math.max(1, burst), refillPerSecond: perMinute / 60 };
}

/**
 * The client a request is counted against: the last X-Forwarded-For entry. Next fills that header from the socket
 * when it is absent, `npm start` (scripts/start.mjs) overwrites it with the socket address unless
 * ARCHWAY_TRUST_PROXY is set, and a trusted reverse proxy appends the address it saw last.
 */
export function clientKey(forwardedFor: string | null): string {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  return entries.at(-1) ?? "unknown";
}
