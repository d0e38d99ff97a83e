/** Template of test/routes.test.ts: route matching and filling. */
export default String.raw`import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RouteDefinition } from "../src/design.js";
import { MISSING_PARAMETER_VALUE, allowedMethods, fillPath, matchRoute, parameterName, routeLabel } from "../src/routes.js";

const routes: RouteDefinition[] = [
  { method: "GET", path: "/api/orders" },
  { method: "GET", path: "/api/orders/:id" },
  { method: "PUT", path: "/api/orders/{id}" },
  { method: "GET", path: "/api/customers/:customer/orders/:id" },
];

describe("parameterName", () => {
  it("reads :name and {name} segments and nothing else", () => {
    assert.equal(parameterName(":id"), "id");
    assert.equal(parameterName("{id}"), "id");
    assert.equal(parameterName("orders"), null);
    assert.equal(parameterName(":"), null);
    assert.equal(parameterName("{}"), null);
  });
});

describe("matchRoute", () => {
  it("matches literal and parameter segments and decodes the values", () => {
    const match = matchRoute(routes, "GET", "/api/orders/a%20b");
    assert.deepEqual(match, { route: routes[1], params: { id: "a b" } });
  });

  it("keeps parameters in route order", () => {
    const match = matchRoute(routes, "GET", "/api/customers/c-1/orders/o-2");
    assert.deepEqual(Object.entries(match?.params ?? {}), [
      ["customer", "c-1"],
      ["id", "o-2"],
    ]);
  });

  it("ignores a trailing slash", () => {
    assert.equal(matchRoute(routes, "GET", "/api/orders/")?.route, routes[0]);
  });

  it("answers null for an unknown path, another method or a malformed escape", () => {
    assert.equal(matchRoute(routes, "GET", "/api/unknown"), null);
    assert.equal(matchRoute(routes, "DELETE", "/api/orders/1"), null);
    assert.equal(matchRoute(routes, "GET", "/api/orders/%E0%A4%A"), null);
  });

  it("keeps a parameter named __proto__ as an ordinary key", () => {
    const match = matchRoute([{ method: "GET", path: "/x/:__proto__" }], "GET", "/x/1");
    assert.equal(Object.getPrototypeOf(match?.params), Object.prototype);
    assert.deepEqual(Object.keys(match?.params ?? {}), ["__proto__"]);
  });
});

describe("allowedMethods", () => {
  it("lists the methods answered on a path", () => {
    assert.deepEqual(allowedMethods(routes, "/api/orders/7"), ["GET", "PUT"]);
    assert.deepEqual(allowedMethods(routes, "/nowhere"), []);
  });
});

describe("fillPath", () => {
  it("fills parameters by name first", () => {
    assert.equal(fillPath("/api/items/:id", { customer: "c", id: "7" }), "/api/items/7");
  });

  it("then by position with the values not used by name", () => {
    assert.equal(fillPath("/api/items/{item}", { id: "7" }), "/api/items/7");
  });

  it("sends MISSING_PARAMETER_VALUE for a parameter nothing supplies", () => {
    assert.equal(fillPath("/api/items/:id", {}), "/api/items/" + MISSING_PARAMETER_VALUE);
  });

  it("encodes values so they stay one path segment", () => {
    assert.equal(fillPath("/api/items/:id", { id: "../a b" }), "/api/items/..%2Fa%20b");
  });

  it("leaves literal routes alone", () => {
    assert.equal(fillPath("/api/items", { id: "7" }), "/api/items");
  });
});

describe("routeLabel", () => {
  it("joins method and pattern", () => {
    assert.equal(routeLabel({ method: "GET", path: "/api/orders/:id" }), "GET /api/orders/:id");
  });
});
`;
