import { LAYERS, kindDefinition } from "../../catalog";
import { cite, formatCitation, type Component, type Connection, type Design } from "../../model";
import { mermaidText } from "./escape";
import { componentNodeId, connectionSummary } from "./flowchart";

type Step =
  | { type: "call"; from: Component; to: Component; text: string; async: boolean }
  | { type: "reply"; from: Component; to: Component; text: string }
  | { type: "note"; over: Component; text: string }
  | { type: "alt"; condition: string }
  | { type: "else"; condition: string }
  | { type: "end" };

const STORE_KINDS = new Set<Component["kind"]>(["database", "nosql-database"]);

/** Where the journey starts: a client if there is one, else the earliest-layer component nothing calls. */
function entryPoint(design: Design): Component | undefined {
  const client = design.components.find((component) => component.kind === "client");
  if (client) return client;
  const called = new Set(design.connections.map((connection) => connection.target));
  const layerIndex = (component: Component) => LAYERS.indexOf(kindDefinition(component.kind).layer);
  const uncalled = design.components.filter((component) => !called.has(component.id));
  const candidates = uncalled.length > 0 ? uncalled : design.components;
  return [...candidates].sort((a, b) => layerIndex(a) - layerIndex(b))[0];
}

function requestText(connection: Connection, target: Component): string {
  switch (target.kind) {
    case "database":
      return `Query ${target.config.engine === "postgres" ? "PostgreSQL" : "MySQL"} (${connectionSummary(connection)})`;
    case "nosql-database":
      return `Read item (${connectionSummary(connection)})`;
    case "object-storage":
      return `GetObject (${connectionSummary(connection)})`;
    case "secrets-manager":
      return `Read secret (${connectionSummary(connection)})`;
    case "cache":
      return `GET key (${connectionSummary(connection)})`;
    default:
      return `Request (${connectionSummary(connection)})`;
  }
}

function replyText(connection: Connection, target: Component): string {
  switch (target.kind) {
    case "database":
      return "Rows";
    case "nosql-database":
      return "Item";
    case "object-storage":
      return "Object";
    case "secrets-manager":
      return "Secret value";
    case "cache":
      return "Value";
    default:
      return connection.protocol === "grpc" ? "gRPC response" : "Response";
  }
}

/**
 * The main request journey from the entry point down to the data stores, like 003 "User Request Flow":
 * synchronous calls with their replies, asynchronous hand-offs without, DNS answered before the caller
 * moves on, and an `alt` block for cache hit / cache miss wherever a component reads through a cache
 * in front of a database (cache-aside, 003 "Caching Architecture"). Each component appears once.
 */
export function sequenceDiagram(design: Design): string {
  const components = new Map(design.components.map((component) => [component.id, component]));
  const outgoing = new Map<string, Connection[]>();
  for (const connection of design.connections) {
    const list = outgoing.get(connection.source);
    if (list) list.push(connection);
    else outgoing.set(connection.source, [connection]);
  }
  const steps: Step[] = [];
  const visited = new Set<string>();

  // An explicit stack of tasks instead of recursion, so a chain of thousands of calls cannot overflow the
  // call stack. Tasks are pushed in reverse so they run in the order a depth-first walk would take them.
  type Task =
    | { type: "walk"; node: Component }
    | { type: "call"; from: Component; connection: Connection; to: Component; unlessVisited: boolean }
    | { type: "emit"; step: Step };
  const tasks: Task[] = [];
  const schedule = (...next: Task[]) => {
    for (let index = next.length - 1; index >= 0; index -= 1) tasks.push(next[index]);
  };
  const emit = (step: Step): Task => ({ type: "emit", step });
  const callTask = (from: Component, connection: Connection, to: Component, unlessVisited = true): Task => ({ type: "call", from, connection, to, unlessVisited });

  const call = (from: Component, connection: Connection, to: Component) => {
    visited.add(to.id);
    if (connection.protocol === "async" || to.kind === "observability") {
      const text =
        to.kind === "observability"
          ? "Record metrics, logs and traces (async)"
          : `${from.kind === "queue" ? "Deliver message" : to.kind === "queue" ? "Publish message" : "Send event"} (${connectionSummary(connection)})`;
      steps.push({ type: "call", from, to, text, async: true });
      if (to.kind !== "observability") schedule({ type: "walk", node: to });
      return;
    }
    if (to.kind === "dns") {
      const domain = to.config.domain;
      steps.push({ type: "call", from, to, text: `Resolve ${domain}`, async: false });
      steps.push({ type: "reply", from: to, to: from, text: `Address of ${domain} (TTL ${to.config.ttlSeconds} s)` });
      const answers = (outgoing.get(to.id) ?? []).flatMap((next) => {
        const target = components.get(next.target);
        return target ? [callTask(from, next, target)] : [];
      });
      schedule(...answers);
      return;
    }
    steps.push({ type: "call", from, to, text: requestText(connection, to), async: false });
    if ((to.kind === "load-balancer" || to.kind === "reverse-proxy" || to.kind === "cdn") && to.config.tls) {
      steps.push({ type: "note", over: to, text: "TLS termination" });
    }
    schedule({ type: "walk", node: to }, emit({ type: "reply", from: to, to: from, text: replyText(connection, to) }));
  };

  const walk = (node: Component) => {
    const links = (outgoing.get(node.id) ?? []).filter((connection) => {
      const target = components.get(connection.target);
      return target !== undefined && !visited.has(target.id);
    });
    const cacheLink = links.find((connection) => components.get(connection.target)?.kind === "cache");
    const storeLinks = links.filter((connection) => STORE_KINDS.has((components.get(connection.target) as Component).kind));
    const handled = new Set<Connection>();
    const next: Task[] = [];
    if (cacheLink && storeLinks.length > 0) {
      const cache = components.get(cacheLink.target) as Extract<Component, { kind: "cache" }>;
      visited.add(cache.id);
      steps.push({ type: "call", from: node, to: cache, text: `Check cache (${connectionSummary(cacheLink)})`, async: false });
      steps.push({ type: "alt", condition: "Cache hit" });
      steps.push({ type: "reply", from: cache, to: node, text: "Cached value" });
      steps.push({ type: "else", condition: "Cache miss" });
      for (const storeLink of storeLinks) next.push(callTask(node, storeLink, components.get(storeLink.target) as Component, false));
      next.push(emit({ type: "call", from: node, to: cache, text: `Store in cache (TTL ${cache.config.ttlSeconds} s)`, async: false }));
      next.push(emit({ type: "end" }));
      handled.add(cacheLink);
      storeLinks.forEach((link) => handled.add(link));
    }
    for (const connection of links) {
      if (!handled.has(connection)) next.push(callTask(node, connection, components.get(connection.target) as Component));
    }
    schedule(...next);
  };

  const entry = entryPoint(design);
  if (entry) {
    visited.add(entry.id);
    schedule({ type: "walk", node: entry });
  }
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    if (task.type === "walk") walk(task.node);
    else if (task.type === "emit") steps.push(task.step);
    else if (!task.unlessVisited || !visited.has(task.to.id)) call(task.from, task.connection, task.to);
  }

  const participants: Component[] = [];
  const declared = new Set<string>();
  const declare = (component: Component) => {
    if (declared.has(component.id)) return;
    declared.add(component.id);
    participants.push(component);
  };
  if (entry) declare(entry);
  for (const step of steps) {
    if (step.type === "call" || step.type === "reply") {
      declare(step.from);
      declare(step.to);
    }
  }

  const lines = ["sequenceDiagram"];
  if (!entry) {
    lines.push("  participant empty_design as Design", "  Note over empty_design: No components yet");
    return `${lines.join("\n")}\n`;
  }
  lines.push(`  %% The main request journey, as in ${formatCitation(cite("003", "User Request Flow"))}`, "  autonumber");
  for (const participant of participants) {
    const role = participant.kind === "client" ? "actor" : "participant";
    lines.push(`  ${role} ${componentNodeId(participant.id)} as ${mermaidText(participant.name)}`);
  }
  if (steps.length === 0) lines.push(`  Note over ${componentNodeId(entry.id)}: No outgoing connections`);
  let depth = 1;
  for (const step of steps) {
    const indent = "  ".repeat(depth);
    switch (step.type) {
      case "call":
        lines.push(`${indent}${componentNodeId(step.from.id)}${step.async ? "-)" : "->>"}${componentNodeId(step.to.id)}: ${mermaidText(step.text)}`);
        break;
      case "reply":
        lines.push(`${indent}${componentNodeId(step.from.id)}-->>${componentNodeId(step.to.id)}: ${mermaidText(step.text)}`);
        break;
      case "note":
        lines.push(`${indent}Note over ${componentNodeId(step.over.id)}: ${mermaidText(step.text)}`);
        break;
      case "alt":
        lines.push(`${indent}alt ${mermaidText(step.condition)}`);
        depth += 1;
        break;
      case "else":
        lines.push(`${"  ".repeat(depth - 1)}else ${mermaidText(step.condition)}`);
        break;
      case "end":
        depth -= 1;
        lines.push(`${"  ".repeat(depth)}end`);
        break;
    }
  }
  return `${lines.join("\n")}\n`;
}
