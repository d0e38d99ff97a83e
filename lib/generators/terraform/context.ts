import { kindDefinition } from "../../catalog";
import { formatCitation, type Citation, type Component, type ComponentOf, type Connection, type Design } from "../../model";
import { Placement } from "../kubernetes/placement";
import { ComponentNames, type ComponentName } from "../component-names";
import { boundedName, shortName } from "../naming";
import { ref, type HclBlock, type HclReference } from "./hcl";

/** Where a security group rule lets traffic in from. */
export type NetworkPeer =
  | { type: "security-group"; component: Component }
  | { type: "internet" }
  | { type: "cloudfront" };

/** What one generator module adds: blocks for its own file plus any variables and outputs it needs. */
export interface TerraformSection {
  blocks: HclBlock[];
  /** Comment lines for the top of the file: what the design asks for that this file cannot build. */
  notes?: string[];
  variables?: HclBlock[];
  outputs?: HclBlock[];
}

/** Kinds that forward traffic without AWS resources of their own in the security group graph. */
const PASS_THROUGH_KINDS = new Set<Component["kind"]>(["dns", "waf", "rate-limiter", "reverse-proxy"]);

/**
 * Visit components depth first from `starts`, in order, each once (ids in `visited` are skipped); `visit`
 * returns the components to go on to. An explicit stack rather than recursion, so a chain of thousands of
 * pass-through components cannot overflow the call stack.
 */
function depthFirst(starts: readonly Component[], visited: Set<string>, visit: (component: Component) => readonly Component[]): void {
  const stack = [...starts].reverse();
  while (stack.length > 0) {
    const current = stack.pop() as Component;
    if (visited.has(current.id)) continue;
    visited.add(current.id);
    const next = visit(current);
    for (let index = next.length - 1; index >= 0; index -= 1) stack.push(next[index]);
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Everything the modules need to know about a design, computed once. */
export class TerraformContext {
  readonly project: string;
  private readonly byId: Map<string, Component>;
  private readonly incoming = new Map<string, Connection[]>();
  private readonly outgoing = new Map<string, Connection[]>();
  private readonly placement: Placement;
  private readonly byKind = new Map<Component["kind"], Component[]>();
  private readonly names: ComponentNames;

  constructor(readonly design: Design) {
    this.project = shortName(design.name, 24);
    this.byId = new Map(design.components.map((component) => [component.id, component]));
    this.placement = new Placement(design);
    this.names = new ComponentNames(design);
    for (const component of design.components) append(this.byKind, component.kind, component);
    for (const connection of design.connections) {
      append(this.incoming, connection.target, connection);
      append(this.outgoing, connection.source, connection);
    }
  }

  get platform(): Design["settings"]["computePlatform"] {
    return this.design.settings.computePlatform;
  }

  component(id: string): Component {
    const component = this.byId.get(id);
    if (!component) throw new Error(`Unknown component "${id}"`);
    return component;
  }

  ofKind<K extends Component["kind"]>(kind: K): ComponentOf<K>[] {
    return (this.byKind.get(kind) ?? []) as ComponentOf<K>[];
  }

  /** Components Terraform creates: in-cluster data stores belong to the Kubernetes output instead. */
  managed<K extends Component["kind"]>(kind: K): ComponentOf<K>[] {
    return this.ofKind(kind).filter((component) => !this.placement.runsInCluster(component));
  }

  /** Whether Terraform creates this component, rather than the cluster running it. */
  isManaged(component: Component): boolean {
    return !this.placement.runsInCluster(component);
  }

  /** Services and workers: the containers ECS or EKS runs. */
  workloads(): (ComponentOf<"service"> | ComponentOf<"worker">)[] {
    return this.design.components.filter(
      (component): component is ComponentOf<"service"> | ComponentOf<"worker"> => component.kind === "service" || component.kind === "worker",
    );
  }

  callsInto(id: string): Connection[] {
    return this.incoming.get(id) ?? [];
  }

  callsFrom(id: string): Connection[] {
    return this.outgoing.get(id) ?? [];
  }

  targetsOf(id: string): Component[] {
    return this.callsFrom(id).map((connection) => this.component(connection.target));
  }

  callersOf(id: string): Component[] {
    return this.callsInto(id).map((connection) => this.component(connection.source));
  }

  /** The names a component goes by in generated code, from its display name (lib/generators/component-names.ts). */
  nameOf(component: Component): ComponentName {
    return this.names.of(component);
  }

  /** Resource label for a component, unique because name slugs are: "Orders DB" → `orders_db`. */
  label(component: Component, suffix?: string): string {
    const identifier = this.names.of(component).identifier;
    return suffix === undefined ? identifier : `${identifier}_${suffix}`;
  }

  /** An AWS resource name `<project>-<name>[-suffix]` within the service's length limit. */
  awsName(component: Component, maxLength: number, suffix?: string): string {
    return boundedName([this.project, this.names.of(component).base, suffix].filter((part) => part !== undefined).join("-"), maxLength);
  }

  /** A one-line comment naming the component, for the top of its blocks. */
  describe(component: Component): string {
    return `${kindDefinition(component.kind).label} "${component.name}" (${component.id})`;
  }

  cite(citation: Citation): string {
    return `From ${formatCitation(citation)}`;
  }

  /** Whether a component gets its own security group. */
  hasSecurityGroup(component: Component): boolean {
    switch (component.kind) {
      case "load-balancer":
      case "service":
      case "worker":
        return true;
      case "database":
      case "cache":
        return !this.placement.runsInCluster(component);
      case "nosql-database":
        return component.config.engine === "mongodb" && !this.placement.runsInCluster(component);
      case "queue":
        return component.config.engine !== "sqs";
      case "api-gateway":
        return component.config.vpcLink;
      default:
        return false;
    }
  }

  securityGroup(component: Component): HclReference {
    return ref(`aws_security_group.${this.label(component)}.id`);
  }

  /** Ports a component accepts connections on, as its security group admits them. */
  listeningPorts(component: Component): number[] {
    switch (component.kind) {
      case "load-balancer":
        return component.config.tls && component.config.httpsRedirect && component.config.listenerPort !== 80
          ? [component.config.listenerPort, 80]
          : [component.config.listenerPort];
      case "service":
      case "database":
      case "cache":
      case "nosql-database":
        return [component.config.port];
      case "queue":
        return component.config.engine === "kafka" ? [9098] : component.config.engine === "rabbitmq" ? [5671] : [];
      default:
        return [];
    }
  }

  /**
   * Where traffic into `component` really comes from, looking through DNS, WAF, rate limiters and
   * reverse proxies (they forward requests but own no network interface here): the security groups of
   * the nearest callers that have one, CloudFront's origin-facing addresses, or the internet.
   */
  peersInto(component: Component): NetworkPeer[] {
    const peers = new Map<string, NetworkPeer>();
    const starts = this.callsInto(component.id)
      .filter((connection) => !(connection.protocol === "async" && this.component(connection.source).kind === "queue"))
      .map((connection) => this.component(connection.source));
    depthFirst(starts, new Set([component.id]), (caller) => {
      if (this.hasSecurityGroup(caller)) peers.set(caller.id, { type: "security-group", component: caller });
      else if (caller.kind === "client" || caller.kind === "api-gateway") peers.set("internet", { type: "internet" });
      else if (caller.kind === "cdn") peers.set("cloudfront", { type: "cloudfront" });
      else if (PASS_THROUGH_KINDS.has(caller.kind)) {
        const callers = this.callersOf(caller.id);
        if (callers.length === 0) peers.set("internet", { type: "internet" });
        return callers;
      }
      return [];
    });
    return [...peers.values()];
  }

  /** The nearest components with resources behind `component`, looking through pass-through kinds. */
  effectiveTargets(component: Component): Component[] {
    const found = new Map<string, Component>();
    depthFirst(this.targetsOf(component.id), new Set([component.id]), (target) => {
      if (PASS_THROUGH_KINDS.has(target.kind)) return this.targetsOf(target.id);
      found.set(target.id, target);
      return [];
    });
    return [...found.values()];
  }

  /** The nearest upstream components of the given kinds, looking through pass-through kinds. */
  effectiveCallers(component: Component): Component[] {
    const found = new Map<string, Component>();
    depthFirst(this.callersOf(component.id), new Set([component.id]), (caller) => {
      if (PASS_THROUGH_KINDS.has(caller.kind)) return this.callersOf(caller.id);
      found.set(caller.id, caller);
      return [];
    });
    return [...found.values()];
  }

  /** The observability component's settings, if the design has one: alarm thresholds and retention. */
  observability(): ComponentOf<"observability"> | undefined {
    return this.ofKind("observability")[0];
  }
}

/** AWS tag values allow letters, digits, spaces and `_ . : / = + - @`; anything else becomes a space. */
export function tagValue(text: string, fallback: string): string {
  const cleaned = text
    .replace(/[^\p{L}\p{N} _.:/=+\-@]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 256)
    .trim();
  return cleaned.length > 0 ? cleaned : fallback;
}

/** Security group and rule descriptions allow only a few characters; ids already fit. */
export function securityDescription(text: string): string {
  return text.replace(/[^A-Za-z0-9. _\-:/()#,@[\]+=&;{}!$*]/g, " ").slice(0, 255);
}

/** At most `maxLength` characters (code points, so no surrogate pair is cut in half). */
export function truncateText(text: string, maxLength: number): string {
  return Array.from(text).slice(0, maxLength).join("");
}
