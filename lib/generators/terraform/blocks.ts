import type { HclBlock, HclBody, HclValue } from "./hcl";

/** `resource "<type>" "<label>" { ... }` with optional comment lines above it. */
export function resource(type: string, label: string, body: HclBody, comments: readonly string[] = []): HclBlock {
  return { type: "resource", labels: [type, label], body, comments };
}

export function dataSource(type: string, label: string, body: HclBody, comments: readonly string[] = []): HclBlock {
  return { type: "data", labels: [type, label], body, comments };
}

export function variable(
  name: string,
  options: { type: HclValue; description: string; default?: HclValue; sensitive?: boolean },
  comments: readonly string[] = [],
): HclBlock {
  return {
    type: "variable",
    labels: [name],
    body: { type: options.type, description: options.description, default: options.default, sensitive: options.sensitive },
    comments,
  };
}

export function output(name: string, value: HclValue, description: string, sensitive?: boolean): HclBlock {
  return { type: "output", labels: [name], body: { description, value, sensitive } };
}
