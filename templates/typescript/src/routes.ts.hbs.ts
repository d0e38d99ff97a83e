/** Template of src/routes.ts: route matching and filling, pure and shared by every generated service. */
export default String.raw`import type { HttpMethod, RouteDefinition } from "./design.js";

export interface RouteMatch {
  route: RouteDefinition;
  /** Path parameters in the order they appear in the route. */
  params: Record<string, string>;
}

/** Value sent for a parameter of a downstream route that the incoming request cannot supply. */
export const MISSING_PARAMETER_VALUE = "default";

/** The parameter named by a route segment written ":id" or "{id}", or null for a literal segment. */
export function parameterName(segment: string): string | null {
  if (segment.length > 1 && segment.startsWith(":")) return segment.slice(1);
  if (segment.length > 2 && segment.startsWith("{") && segment.endsWith("}")) return segment.slice(1, -1);
  return null;
}

function segments(path: string): string[] {
  return path.split("/").filter((segment) => segment.length > 0);
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const expected = segments(pattern);
  const actual = segments(pathname);
  if (expected.length !== actual.length) return null;
  const params: [string, string][] = [];
  for (let index = 0; index < expected.length; index += 1) {
    const name = parameterName(expected[index] ?? "");
    const value = decodeSegment(actual[index] ?? "");
    if (value === null) return null;
    if (name === null) {
      if (expected[index] !== value) return null;
    } else {
      params.push([name, value]);
    }
  }
  // fromEntries defines own properties, so a parameter named "__proto__" stays an ordinary key.
  return Object.fromEntries(params);
}

/** The first route with this method whose pattern matches the path; trailing slashes are ignored. */
export function matchRoute(routes: readonly RouteDefinition[], method: string, pathname: string): RouteMatch | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

/** Methods some route answers on this path, for a 405 with an Allow header. */
export function allowedMethods(routes: readonly RouteDefinition[], pathname: string): HttpMethod[] {
  const methods = routes.filter((route) => matchPath(route.path, pathname) !== null).map((route) => route.method);
  return [...new Set(methods)];
}

/**
 * A concrete path for a route pattern: each parameter takes the value of the same-named parameter,
 * otherwise the next value not used by name (in route order), otherwise MISSING_PARAMETER_VALUE.
 */
export function fillPath(pattern: string, params: Record<string, string>): string {
  const names = segments(pattern).map(parameterName);
  const unused = Object.entries(params)
    .filter(([name]) => !names.includes(name))
    .map(([, value]) => value);
  const filled = segments(pattern).map((segment) => {
    const name = parameterName(segment);
    if (name === null) return segment;
    const value = (Object.hasOwn(params, name) ? params[name] : undefined) ?? unused.shift() ?? MISSING_PARAMETER_VALUE;
    return encodeURIComponent(value);
  });
  return "/" + filled.join("/");
}

/** "GET /api/items/:id", as shown in responses and logs. */
export function routeLabel(route: RouteDefinition): string {
  return route.method + " " + route.path;
}
`;
