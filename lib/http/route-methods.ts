/**
 * The HTTP methods each API route answers, so that any other method gets 405 with an accurate `Allow` header
 * (Next answers TRACE with 500, methods it does not know with 400, and its own 405 carries no `Allow`).
 * tests/http/route-methods.test.ts imports every app/api route module and fails when this table and the exports
 * disagree, naming the route to update.
 */

/** Methods Next's route handlers can implement; HEAD and OPTIONS it answers itself (HEAD from GET). */
export const ROUTE_HANDLER_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Path patterns in Next's folder syntax ([id] for a dynamic segment) with the methods their route.ts exports. */
export const API_ROUTE_METHODS: Record<string, readonly string[]> = {
  "/api/designs": ["GET", "POST"],
  "/api/designs/[id]": ["GET", "PUT", "PATCH", "DELETE"],
  "/api/designs/[id]/export": ["GET"],
  "/api/designs/[id]/files": ["GET"],
  "/api/designs/[id]/versions": ["GET"],
  "/api/designs/[id]/versions/[revision]": ["GET", "PATCH"],
  "/api/designs/[id]/versions/[revision]/restore": ["POST"],
  "/api/designs/[id]/versions/[revision]/diff/[other]": ["GET"],
  "/api/import": ["POST"],
  "/api/mcp": ["POST"],
  "/api/practice/scenarios": ["GET"],
  "/api/practice/sessions": ["GET", "POST"],
  "/api/practice/sessions/[id]": ["GET", "DELETE"],
  "/api/practice/sessions/[id]/events": ["POST"],
  "/api/schema": ["GET"],
  "/api/simulate": ["POST"],
  "/api/templates": ["GET"],
  "/api/templates/[id]": ["GET"],
  "/api/templates/[id]/thumbnail": ["GET"],
  "/api/validate": ["POST"],
};

/** Pages answer GET and HEAD; Archway has no server actions, so nothing posts to a page. */
const PAGE_METHODS = ["GET", "HEAD"];

function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split("/");
  const have = pathname.replace(/\/$/, "").split("/");
  return want.length === have.length && want.every((segment, index) => (segment.startsWith("[") ? have[index] !== "" : segment === have[index]));
}

/**
 * The value of `Allow` for a path: the route's methods plus HEAD (with GET) and OPTIONS, sorted; undefined for a
 * path under /api that no route serves (Next answers 404 there).
 */
export function allowedMethods(pathname: string): string[] | undefined {
  if (pathname !== "/api" && !pathname.startsWith("/api/")) return PAGE_METHODS;
  const route = Object.keys(API_ROUTE_METHODS).find((pattern) => matches(pattern, pathname));
  if (!route) return undefined;
  const methods = new Set([...API_ROUTE_METHODS[route], "OPTIONS"]);
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

export interface MethodRefusal {
  allow: string;
  error: string;
}

/**
 * Why `method` cannot be served at `pathname`, or null when it can: a method no route handler can implement, or on
 * an API route one that route does not export. Pages are left to Next for the standard methods.
 */
export function methodRefusal(method: string, pathname: string): MethodRefusal | null {
  const upper = method.toUpperCase();
  const allow = allowedMethods(pathname);
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const known = (ROUTE_HANDLER_METHODS as readonly string[]).includes(upper);
  if (known && !(isApi && allow && !allow.includes(upper))) return null;
  const allowed = (allow ?? ROUTE_HANDLER_METHODS).join(", ");
  return { allow: allowed, error: `${upper} is not allowed on ${pathname}; allowed: ${allowed}` };
}
