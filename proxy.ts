import { NextResponse, type NextRequest } from "next/server";
import { allowedHostsFromEnv, isAllowedHost } from "@/lib/http/allowed-hosts";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";
import { crossSiteRefusal } from "@/lib/http/cross-site";
import { hasMalformedPercentEncoding } from "@/lib/http/path-encoding";
import { clientKey, rateLimitedRoute, rateLimitFromEnv } from "@/lib/http/rate-limit-policy";
import { TokenBucketLimiter } from "@/lib/http/rate-limiter";
import { methodRefusal } from "@/lib/http/route-methods";

/**
 * Every request passes here first (Next 16's proxy, formerly middleware): foreign Host headers, cross-site writes,
 * undecodable paths, methods a route does not answer and clients over their rate are refused before any route
 * runs, and every response gets the security headers. The policies themselves are pure functions in lib/http.
 */

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};

/** Read lazily: `next start` sets PORT only once it listens, after this module may have loaded. */
let allowedHosts: ReturnType<typeof allowedHostsFromEnv> | undefined;
let limiter: TokenBucketLimiter | null | undefined;

function hosts() {
  allowedHosts ??= allowedHostsFromEnv({ HOST: process.env.HOST, PORT: process.env.PORT, ARCHWAY_ALLOWED_HOSTS: process.env.ARCHWAY_ALLOWED_HOSTS });
  return allowedHosts;
}

function rateLimiter(): TokenBucketLimiter | null {
  if (limiter === undefined) {
    const settings = rateLimitFromEnv({
      ARCHWAY_RATE_LIMIT_PER_MINUTE: process.env.ARCHWAY_RATE_LIMIT_PER_MINUTE,
      ARCHWAY_RATE_LIMIT_BURST: process.env.ARCHWAY_RATE_LIMIT_BURST,
    });
    limiter = settings ? new TokenBucketLimiter(settings) : null;
  }
  return limiter;
}

function withSecurityHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

function refusal(status: number, error: string, headers: Record<string, string> = {}): NextResponse {
  return withSecurityHeaders(NextResponse.json({ error }, { status, headers }));
}

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

function isPage(pathname: string): boolean {
  return !isApi(pathname) && !pathname.startsWith("/_next/");
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const method = request.method.toUpperCase();
  // Behind a trusted reverse proxy (ARCHWAY_TRUST_PROXY) the name the browser used arrives as X-Forwarded-Host;
  // otherwise Next sets that header to Host itself. Every name the request claims must be one of ours.
  const host = request.headers.get("host");
  const publicHost = request.headers.get("x-forwarded-host") ?? host;
  for (const claimed of new Set([host, publicHost])) {
    if (!isAllowedHost(claimed, hosts())) {
      return refusal(
        421,
        `Host "${claimed ?? ""}" is not served here. Archway answers only the host names it was configured for (localhost, or ARCHWAY_ALLOWED_HOSTS); this refuses DNS-rebinding attacks.`,
      );
    }
  }

  if (hasMalformedPercentEncoding(pathname)) {
    return refusal(400, `The path ${pathname} contains percent-encoding that does not decode to UTF-8`);
  }

  const wrongMethod = methodRefusal(method, pathname);
  if (wrongMethod) return refusal(405, wrongMethod.error, { Allow: wrongMethod.allow });

  const ownOrigin = `${request.headers.get("x-forwarded-proto") === "https" ? "https" : "http"}://${publicHost}`;
  const crossSite = crossSiteRefusal({ method, origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site"), ownOrigin });
  if (crossSite) return refusal(403, crossSite);

  const limited = rateLimitedRoute(method, pathname);
  const bucket = limited ? rateLimiter() : null;
  if (limited && bucket) {
    const taken = bucket.take(`${clientKey(request.headers.get("x-forwarded-for"))} ${limited}`);
    if (!taken.allowed) {
      return refusal(429, `Too many requests to ${limited}; try again in ${taken.retryAfterSeconds} s`, { "Retry-After": String(taken.retryAfterSeconds) });
    }
  }

  if (!isPage(pathname)) return withSecurityHeaders(NextResponse.next());

  // Next reads the nonce from the request's CSP header and puts it on every script it renders.
  const policy = contentSecurityPolicy({ nonce: createNonce(), development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withSecurityHeaders(response);
}
