/**
 * Refuses state-changing requests that a page on another site made the browser send (a `text/plain` form, a
 * no-cors fetch). Browsers say where a request comes from in `Sec-Fetch-Site` and `Origin`, and a page cannot
 * forge either; clients that are not browsers (the CLI, curl, tests) send neither and keep working.
 */

const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const TRUSTED_FETCH_SITES = new Set(["same-origin", "none"]);

export interface RequestProvenance {
  method: string;
  /** The `Origin` header, or null. */
  origin: string | null;
  /** The `Sec-Fetch-Site` header, or null. */
  secFetchSite: string | null;
  /** This server's origin as the request addressed it (scheme and Host), e.g. http://localhost:3000. */
  ownOrigin: string;
}

function originOf(text: string): string | undefined {
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
}

/** Why the request is refused, or null when it may go ahead. */
export function crossSiteRefusal(request: RequestProvenance): string | null {
  if (!STATE_CHANGING_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.secFetchSite?.trim().toLowerCase();
  if (site && !TRUSTED_FETCH_SITES.has(site)) {
    return `Cross-site ${request.method} refused: the browser reports this request as ${site} (Sec-Fetch-Site); only pages of this server may change data`;
  }
  if (request.origin !== null) {
    const own = originOf(request.ownOrigin);
    const origin = request.origin === "null" ? undefined : originOf(request.origin);
    if (origin === undefined || origin !== own) {
      return `Cross-site ${request.method} refused: Origin ${request.origin} is not this server (${own ?? request.ownOrigin}); only pages of this server may change data`;
    }
  }
  return null;
}
