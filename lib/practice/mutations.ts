import { kindDefinition } from "../catalog";
import { DesignSchema, type Connection, type Design } from "../model";
import type { Mutation } from "./types";

/*
 * Edits of a reference answer, used to prove that each rubric item can fail on its own. Every result is
 * parsed again, so a mutation can never produce a malformed design.
 */

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function merge(base: Plain, patch: Plain): Plain {
  const result: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) result[key] = isPlain(value) && isPlain(base[key]) ? merge(base[key], value) : value;
  return result;
}

function reparse(design: unknown): Design {
  return DesignSchema.parse(design);
}

function requireComponent(design: Design, id: string): void {
  if (!design.components.some((component) => component.id === id)) throw new Error(`Mutation names component "${id}", which the design does not have`);
}

/** Change settings of one component. */
export function configure(id: string, patch: Plain): Mutation {
  return (design) => {
    requireComponent(design, id);
    return reparse({
      ...design,
      components: design.components.map((component) => (component.id === id ? { ...component, config: merge(component.config as Plain, patch) } : component)),
    });
  };
}

/** Remove the connection from `source` to `target`. */
export function disconnect(source: string, target: string): Mutation {
  return (design) => {
    const connections = design.connections.filter((connection) => !(connection.source === source && connection.target === target));
    if (connections.length === design.connections.length) throw new Error(`Mutation names connection ${source} → ${target}, which the design does not have`);
    return reparse({ ...design, connections });
  };
}

/**
 * Take a forwarding component out of the request path: its callers call its callees directly, as a
 * candidate who never drew it would have wired the design.
 */
export function bypass(id: string): Mutation {
  return (design) => {
    requireComponent(design, id);
    const incoming = design.connections.filter((connection) => connection.target === id);
    const outgoing = design.connections.filter((connection) => connection.source === id);
    const kept = design.connections.filter((connection) => connection.source !== id && connection.target !== id);
    const exists = new Set(kept.map((connection) => `${connection.source}>${connection.target}`));
    const bridges: Connection[] = [];
    for (const into of incoming) {
      for (const out of outgoing) {
        const key = `${into.source}>${out.target}`;
        if (into.source === out.target || exists.has(key)) continue;
        exists.add(key);
        const target = design.components.find((component) => component.id === out.target)!;
        bridges.push({ ...out, id: `${into.source}-${out.target}-bypass`, source: into.source, protocol: kindDefinition(target.kind).defaultProtocol === "async" ? "async" : out.protocol });
      }
    }
    return reparse({ ...design, components: design.components.filter((component) => component.id !== id), connections: [...kept, ...bridges] });
  };
}

/** Remove a component and every connection to or from it. */
export function remove(id: string): Mutation {
  return (design) => {
    requireComponent(design, id);
    return reparse({
      ...design,
      components: design.components.filter((component) => component.id !== id),
      connections: design.connections.filter((connection) => connection.source !== id && connection.target !== id),
    });
  };
}

/** Change settings of the connection from `source` to `target`. */
export function configureConnection(source: string, target: string, patch: Plain): Mutation {
  return (design) => {
    if (!design.connections.some((connection) => connection.source === source && connection.target === target)) {
      throw new Error(`Mutation names connection ${source} → ${target}, which the design does not have`);
    }
    return reparse({
      ...design,
      connections: design.connections.map((connection) =>
        connection.source === source && connection.target === target ? merge(connection as unknown as Plain, patch) : connection,
      ),
    });
  };
}
