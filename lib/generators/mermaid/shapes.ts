import type { ComponentKind } from "../../catalog";

/** Opening and closing brackets of a flowchart node; the quoted label goes between them. */
export interface NodeShape {
  open: string;
  close: string;
}

/**
 * One shape per kind so a reader can tell the tiers apart at a glance: cylinders for everything that
 * stores data (as in 003 "Database Architecture"), a stadium for clients, hexagons for edge caches.
 * The switch is exhaustive: a new kind fails to compile until it has a shape.
 */
export function nodeShape(kind: ComponentKind): NodeShape {
  switch (kind) {
    case "client":
      return { open: "([", close: "])" };
    case "dns":
      return { open: "((", close: "))" };
    case "cdn":
      return { open: "{{", close: "}}" };
    case "waf":
      return { open: "[/", close: "\\]" };
    case "rate-limiter":
      return { open: "[\\", close: "/]" };
    case "load-balancer":
      return { open: "[/", close: "/]" };
    case "api-gateway":
      return { open: "[[", close: "]]" };
    case "reverse-proxy":
      return { open: "[\\", close: "\\]" };
    case "service":
      return { open: "[", close: "]" };
    case "worker":
      return { open: "(", close: ")" };
    case "cache":
    case "database":
    case "nosql-database":
    case "object-storage":
      return { open: "[(", close: ")]" };
    case "queue":
      return { open: ">", close: "]" };
    case "observability":
      return { open: "(((", close: ")))" };
    case "secrets-manager":
      return { open: "{", close: "}" };
    default: {
      const unhandled: never = kind;
      throw new Error(`No Mermaid shape for kind "${String(unhandled)}"`);
    }
  }
}
