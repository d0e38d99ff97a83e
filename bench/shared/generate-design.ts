import { kindDefinition, type ComponentKind } from "../../lib/catalog";
import { EDGE_TIMEOUT_MS, SCHEMA_VERSION } from "../../lib/model";

/** A deterministic pseudo-random sequence, so every run measures the same design. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One cell of a realistic system: the edge, a gateway, eight services, data stores, async work and operations. */
const CELL: readonly ComponentKind[] = [
  "client", "dns", "cdn", "waf", "load-balancer", "api-gateway",
  "service", "service", "service", "service", "service", "service", "service", "service",
  "cache", "database", "queue", "worker", "worker", "observability", "secrets-manager",
];
const [CLIENT, DNS, CDN, WAF, LB, GATEWAY] = [0, 1, 2, 3, 4, 5];
const SERVICES = [6, 7, 8, 9, 10, 11, 12, 13];
const [CACHE, DATABASE, QUEUE, WORKER_A, WORKER_B, OBSERVABILITY, SECRETS] = [14, 15, 16, 17, 18, 19, 20];

interface RawConnection {
  id: string;
  source: string;
  target: string;
  protocol: string;
  timeoutMs?: number;
  retry?: { enabled: boolean; maxRetries: number };
  circuitBreaker?: { enabled: boolean };
}

/**
 * A raw design document (what the API receives) with about `count` components and `connectionsPerComponent`
 * connections each. Cells of 21 components are wired edge → gateway → services → stores, with
 * service-to-service calls inside a cell (front services call back services) and from one cell's front
 * services to the next cell's back services, so call chains stay as shallow as real ones. Timeouts shrink by
 * depth; a few calls get a timeout that is too long, a fifth of gateway and service calls retry, and one in a
 * hundred calls back and closes a cycle, so every rule has real work to do.
 */
export function generateDesignDocument(count: number, connectionsPerComponent = 3, seed = 7): Record<string, unknown> {
  const random = lcg(seed);
  const cells = Math.ceil(count / CELL.length);
  const id = (cell: number, slot: number) => `c${cell}-${slot}`;
  const components: { id: string; kind: ComponentKind; name: string; position: { x: number; y: number } }[] = [];
  for (let cell = 0; cell < cells; cell += 1) {
    CELL.forEach((kind, slot) =>
      components.push({ id: id(cell, slot), kind, name: `${kindDefinition(kind).label} ${cell}.${slot}`, position: { x: slot * 220, y: cell * 160 } }),
    );
  }
  const kindOf = new Map(components.map((component) => [component.id, component.kind]));

  const connections: RawConnection[] = [];
  const seen = new Set<string>();
  const connect = (source: string, target: string, extra: Partial<RawConnection> = {}) => {
    const key = `${source}>${target}`;
    if (source === target || seen.has(key)) return;
    seen.add(key);
    connections.push({ id: `e${connections.length}`, source, target, protocol: kindDefinition(kindOf.get(target)!).defaultProtocol, ...extra });
  };
  const serviceCall = (source: string, target: string) =>
    connect(source, target, { retry: { enabled: random() < 0.2, maxRetries: 3 }, circuitBreaker: { enabled: random() < 0.7 } });

  for (let cell = 0; cell < cells; cell += 1) {
    const at = (slot: number) => id(cell, slot);
    [CLIENT, DNS, CDN, WAF, LB, GATEWAY].forEach((slot, index, chain) => index > 0 && connect(at(chain[index - 1]), at(slot)));
    SERVICES.slice(0, 4).forEach((slot) => connect(at(GATEWAY), at(slot), { retry: { enabled: random() < 0.2, maxRetries: 2 } }));
    SERVICES.forEach((slot, index) => {
      connect(at(slot), at(index % 2 === 0 ? CACHE : DATABASE));
      connect(at(slot), at(OBSERVABILITY));
      connect(at(slot), at(SECRETS));
      if (index % 4 === 0) connect(at(slot), at(QUEUE));
    });
    for (const worker of [WORKER_A, WORKER_B]) {
      connect(at(QUEUE), at(worker));
      connect(at(worker), at(DATABASE));
      connect(at(worker), at(OBSERVABILITY));
    }
  }

  const target = Math.round(components.length * connectionsPerComponent);
  for (let attempts = 0; connections.length < target && attempts < target * 20; attempts += 1) {
    const cell = Math.floor(random() * cells);
    const front = SERVICES[Math.floor(random() * 4)];
    const back = SERVICES[4 + Math.floor(random() * 4)];
    const roll = random();
    if (roll < 0.01) serviceCall(id(cell, back), id(cell, front));
    else if (roll < 0.3 && cell + 1 < cells) serviceCall(id(cell, front), id(cell + 1, back));
    else serviceCall(id(cell, front), id(cell, back));
  }

  // Longest synchronous depth from the edge, walking layers in order (edge, gateway, front services, back
  // services, stores) and ignoring calls back to an earlier layer, so timeouts shrink hop by hop.
  const layer = (componentId: string) => {
    const [cell, slot] = componentId.slice(1).split("-").map(Number);
    const service = SERVICES.indexOf(slot);
    return (slot <= GATEWAY ? slot : service < 0 ? 8 : service < 4 ? 6 : 7) * cells + cell;
  };
  const outgoing = new Map<string, RawConnection[]>();
  for (const connection of connections) {
    const list = outgoing.get(connection.source);
    if (list) list.push(connection);
    else outgoing.set(connection.source, [connection]);
  }
  const depth = new Map<string, number>();
  for (const component of [...components].sort((a, b) => layer(a.id) - layer(b.id))) {
    const here = depth.get(component.id) ?? 0;
    for (const connection of outgoing.get(component.id) ?? []) {
      if (layer(connection.target) > layer(component.id)) depth.set(connection.target, Math.max(depth.get(connection.target) ?? 0, here + 1));
    }
  }
  for (const connection of connections) {
    if (connection.protocol === "async") continue;
    const wait = Math.round(EDGE_TIMEOUT_MS * 0.85 ** (depth.get(connection.source) ?? 0));
    connection.timeoutMs = random() < 0.03 ? wait + 20_000 : wait;
  }

  return { schemaVersion: SCHEMA_VERSION, name: `Generated ${components.length}`, components, connections };
}
