import type { Component, Design } from "../model";
import { slug } from "./naming";

/**
 * The names a component goes by in generated code, all derived from one base slug of its display name, so a
 * rename reaches every folder, package, object, resource, variable and Compose service at once, and every
 * target agrees on which component a name means. Ids stay internal: they only travel as traceability
 * annotations and comments.
 */
export interface ComponentName {
  /** `a-z`, `0-9` and single hyphens, starting with a letter, at most BASE_MAX_LENGTH characters, unique in the design. */
  base: string;
  /** Kubernetes object name and `app.kubernetes.io/name` label (DNS-1035 label). */
  kubernetes: string;
  /** Terraform resource label, PostgreSQL and Mermaid-safe identifier: `orders_api`. */
  identifier: string;
  /** Prefix of environment variables: `ORDERS_API` (as in `ORDERS_API_URL`). */
  constant: string;
  /** Folder of the generated service under `services/`. */
  folder: string;
  /** npm package name of the generated service in the starter repo's workspace. */
  packageName: string;
  /** Docker Compose service name, also its host name on the Compose network. */
  compose: string;
}

/**
 * Longest base: generators append suffixes of up to 12 characters (`-credentials`, `-headless`) and a
 * Kubernetes name holds 63, so every derived name still fits without being cut or hashed.
 */
export const BASE_MAX_LENGTH = 40;

/**
 * Names the generators use for objects of their own, or that a cluster already has: a component named
 * "Main" or "Kubernetes" gets `main-2`, never a name that clashes with `aws_vpc.main` or the API server's
 * Service.
 */
const RESERVED_BASES = new Set([
  "main",
  "nat",
  "private",
  "public",
  "eks",
  "eks-cluster",
  "eks-nodes",
  "ecs-task-execution",
  "ecs-task-execution-secrets",
  "kubernetes",
  "default",
  "services",
  "node-modules",
]);

/**
 * Tails the generators append to a component's name for the objects it owns: `<name>-config` ConfigMaps,
 * `<name>-credentials` Secrets, `<name>_dlq` queues, `<name>_ingress_1` rules... A component whose base is
 * another component's base plus one of these would share a name with that component's object, so it
 * counts as taken.
 */
const DERIVED_TAIL =
  /^(?:connection|credentials|config|headless|data|sg|access|replica|http-redirect|main|dlq|waf|logs|task|endpoint|bucket|domain-name|address|password|password-secret-arn|name-servers|dns-name|url|arn|(?:domain|integration|egress|ingress)-\d+|[a-z0-9-]+-alarm)$/;

/** The design's names, built in one pass; `of` is a map lookup. */
export class ComponentNames {
  private readonly byId = new Map<string, ComponentName>();

  constructor(design: Design) {
    const wanted = design.components.map((component) => wantedBase(component));
    const wantedSet = new Set(wanted);
    const assigned = new Set<string>();
    // Where each base's numbering goes on, so a thousand components named alike cost a thousand steps, not a million.
    const nextSuffix = new Map<string, number>();
    const isFree = (candidate: string) => !assigned.has(candidate) && !RESERVED_BASES.has(candidate) && !derivesFromAnother(candidate, wantedSet, assigned);
    design.components.forEach((component, index) => {
      const base = wanted[index];
      // The first holder of a wanted base keeps it when nothing else forbids it; later holders count up, skipping
      // every base another component wants as is, so "Service", "Service" and "Service 2" end up service, service-3, service-2.
      let chosen = isFree(base) ? base : "";
      for (let suffix = nextSuffix.get(base) ?? 2; chosen === ""; suffix += 1) {
        const tail = `-${suffix}`;
        const candidate = `${cut(base, BASE_MAX_LENGTH - tail.length)}${tail}`;
        if (isFree(candidate) && !wantedSet.has(candidate)) chosen = candidate;
        nextSuffix.set(base, suffix + 1);
      }
      assigned.add(chosen);
      this.byId.set(component.id, forms(chosen));
    });
  }

  of(component: Pick<Component, "id">): ComponentName {
    const name = this.byId.get(component.id);
    if (!name) throw new Error(`Unknown component "${component.id}"`);
    return name;
  }
}

/** Cut at a hyphen, never mid-word unless the first word alone is too long, and never ending on a hyphen. */
function cut(base: string, maxLength: number): string {
  if (base.length <= maxLength) return base;
  const head = base.slice(0, maxLength + 1);
  const boundary = head.lastIndexOf("-");
  return (boundary > 0 ? head.slice(0, boundary) : base.slice(0, maxLength)).replace(/-+$/, "");
}

/**
 * Words of a name: a capital that starts a lowercase word begins a new one ("OrdersApi" → orders api), while
 * runs of capitals stay with the word they end ("PostgreSQL", "MongoDB" stay one word); apostrophes join
 * ("Müller's" → mullers), then lowercase.
 */
function nameWords(name: string): string {
  return name
    .replace(/['\u2019]/g, "")
    .replace(/([a-z0-9])([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

/**
 * The base a component asks for: its name as a slug, cut to BASE_MAX_LENGTH; its id when the name holds no
 * letter or digit (emoji, punctuation, bidirectional controls only). A slug that starts with a digit gets the
 * kind in front, as Kubernetes and Terraform names must start with a letter.
 */
function wantedBase(component: Component): string {
  const fromName = slug(nameWords(component.name), Number.MAX_SAFE_INTEGER, "");
  const text = fromName.length > 0 ? fromName : slug(component.id, Number.MAX_SAFE_INTEGER, component.kind);
  return cut(/^[a-z]/.test(text) ? text : `${component.kind}-${text}`, BASE_MAX_LENGTH);
}

/** Whether `candidate` is `<another base>-<derived tail>`. Bases are short, so this is a bounded number of lookups. */
function derivesFromAnother(candidate: string, wanted: ReadonlySet<string>, assigned: ReadonlySet<string>): boolean {
  for (let index = candidate.indexOf("-"); index > 0; index = candidate.indexOf("-", index + 1)) {
    const prefix = candidate.slice(0, index);
    if ((wanted.has(prefix) || assigned.has(prefix)) && DERIVED_TAIL.test(candidate.slice(index + 1))) return true;
  }
  return false;
}

function forms(base: string): ComponentName {
  const identifier = base.replace(/-/g, "_");
  return {
    base,
    kubernetes: base,
    identifier,
    constant: identifier.toUpperCase(),
    folder: base,
    packageName: `@services/${base}`,
    compose: base,
  };
}
