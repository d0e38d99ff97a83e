import { canConnectKinds } from "../../catalog/connections";
import type { ComponentKind } from "../../catalog";
import type { ZoneKind } from "../../catalog/zones";
import {
  absolutePosition,
  componentZones,
  entryPoints,
  graphOf,
  unprotectedTraffic,
  zoneChain,
  type DesignGraph,
  type FrontingRequirement,
} from "../../graph";
import {
  createComponent,
  createConnection,
  newZoneId,
  type Component,
  type ComponentOf,
  type Connection,
  type Design,
  type Zone,
} from "../../model";

/*
 * Pure edits used by rule fixes. Each returns a new design and keeps every untouched component,
 * connection and zone as the same object, so a fix changes nothing but what it must.
 */

type ConfigOf<K extends Component["kind"]> = ComponentOf<K>["config"];

/** Replace the config of component `id`, which must be of `kind`. */
export function updateConfig<K extends Component["kind"]>(
  design: Design,
  id: string,
  kind: K,
  update: (config: ConfigOf<K>) => ConfigOf<K>,
): Design {
  return {
    ...design,
    components: design.components.map((component) => {
      if (component.id !== id) return component;
      if (component.kind !== kind) throw new Error(`Component "${id}" is a ${component.kind}, not a ${kind}`);
      return { ...component, config: update(component.config as ConfigOf<K>) } as Component;
    }),
  };
}

export function updateConnection(design: Design, id: string, update: (connection: Connection) => Connection): Design {
  return { ...design, connections: design.connections.map((connection) => (connection.id === id ? update(connection) : connection)) };
}

export function addComponent(design: Design, component: Component): Design {
  return { ...design, components: [...design.components, component] };
}

export function addConnection(design: Design, connection: Connection): Design {
  return { ...design, connections: [...design.connections, connection] };
}

/** The same connection as an asynchronous message flow: nobody waits, so it has no timeout. */
export function asAsync(connection: Connection): Connection {
  const message: Connection = { ...connection, protocol: "async" };
  delete message.timeoutMs;
  return message;
}

export function removeConnection(design: Design, id: string): Design {
  return { ...design, connections: design.connections.filter((connection) => connection.id !== id) };
}

interface InsertionPlan {
  /** Connections to retarget at the new component. */
  rewire: Connection[];
  /** Entry points the new component should feed because nothing reaches them yet. */
  feed: string[];
}

/**
 * Where a new `kind` component can go so that every unprotected route into `targetId` passes it: walk back
 * from the target along connections that carry unprotected traffic until the new kind may sit between
 * caller and callee (a WAF accepts only clients, DNS and CDNs). Undefined when no such place exists.
 */
export function planInsertion(
  graph: DesignGraph,
  targetId: string,
  kind: ComponentKind,
  requirement: FrontingRequirement,
): InsertionPlan | undefined {
  const { carriers } = unprotectedTraffic(graph, requirement);
  const entries = new Set(entryPoints(graph).map((entry) => entry.id));
  const rewire: Connection[] = [];
  const feed: string[] = [];
  const visited = new Set([targetId]);
  const queue = [targetId];
  for (let head = 0; head < queue.length; head += 1) {
    const callee = graph.component(queue[head]);
    const carried = graph.syncIncoming(callee.id).filter((connection) => carriers.has(connection.source));
    if (carried.length === 0) {
      if (!entries.has(callee.id) || !canConnectKinds(kind, callee.kind).allowed) return undefined;
      feed.push(callee.id);
      continue;
    }
    for (const connection of carried) {
      const caller = graph.component(connection.source);
      if (canConnectKinds(caller.kind, kind).allowed && canConnectKinds(kind, callee.kind).allowed) rewire.push(connection);
      else if (!visited.has(caller.id)) {
        visited.add(caller.id);
        queue.push(caller.id);
      }
    }
  }
  return { rewire, feed };
}

/**
 * Insert a new `kind` component in front of `targetId` on every route that lacks it: retarget the carrying
 * connections at the new component and connect it on to the components they used to reach. The new
 * component is placed beside the target. It is meant for inline filters (WAF, rate limiter), which pass a request on
 * with the timeout it came with.
 */
export function insertInFront(design: Design, targetId: string, kind: ComponentKind, requirement: FrontingRequirement): Design {
  const graph = graphOf(design);
  const plan = planInsertion(graph, targetId, kind, requirement);
  if (!plan) throw new Error(`No place to insert a ${kind} in front of "${targetId}"`);
  const anchor = absolutePosition(graph, graph.component(targetId));
  const inserted = createComponent(design, kind, { x: anchor.x - 180, y: anchor.y - 120 });
  let next = addComponent(design, inserted);
  const timeoutInto = new Map<string, number>();
  for (const connection of plan.rewire) {
    next = updateConnection(next, connection.id, (current) => ({ ...current, target: inserted.id }));
    timeoutInto.set(connection.target, Math.min(timeoutInto.get(connection.target) ?? Infinity, connection.timeoutMs ?? Infinity));
  }
  for (const id of plan.feed) timeoutInto.set(id, Infinity);
  for (const [calleeId, timeoutMs] of timeoutInto) {
    const connection = createConnection(next, inserted, graph.component(calleeId));
    const keepTimeout = Number.isFinite(timeoutMs) && connection.protocol !== "async";
    next = addConnection(next, keepTimeout ? { ...connection, timeoutMs } : connection);
  }
  return next;
}

/**
 * Connect `sourceId` to a shared component of `kind`: the first one that satisfies `prefer`, else the first
 * one, else a new one placed `offset` away from the source (so shared components added for one source do
 * not overlap).
 */
export function connectToShared(
  design: Design,
  sourceId: string,
  kind: ComponentKind,
  offset: { x: number; y: number },
  prefer: (component: Component) => boolean = () => true,
): Design {
  const graph = graphOf(design);
  const source = graph.component(sourceId);
  const candidates = design.components.filter((component) => component.kind === kind);
  let shared = candidates.find(prefer) ?? candidates[0];
  let next = design;
  if (!shared) {
    const at = absolutePosition(graph, source);
    shared = createComponent(design, kind, { x: at.x + offset.x, y: at.y + offset.y });
    next = addComponent(next, shared);
  }
  return addConnection(next, createConnection(next, source, shared));
}

const SUBNET_SIZE = { width: 320, height: 200 };
const INSET = { x: 24, y: 48 };

function uniqueZoneName(design: Design, label: string): string {
  const names = new Set(design.zones.map((zone) => zone.name));
  let name = label;
  for (let n = 2; names.has(name); n += 1) name = `${label} ${n}`;
  return name;
}

/** A free /24 inside a /16 VPC block, so a new subnet gets an address range that does not clash. */
function freeSubnetCidr(design: Design, vpc: Zone | undefined): string | undefined {
  const match = vpc?.cidr?.match(/^(\d+)\.(\d+)\.0\.0\/16$/);
  if (!match) return undefined;
  const used = new Set(design.zones.map((zone) => zone.cidr));
  for (let third = 100; third < 256; third += 1) {
    const cidr = `${match[1]}.${match[2]}.${third}.0/24`;
    if (!used.has(cidr)) return cidr;
  }
  return undefined;
}

function newZone(design: Design, kind: ZoneKind, label: string, parent: Zone | undefined, position: { x: number; y: number }, size: Zone["size"]): Zone {
  return {
    id: newZoneId(design, kind),
    kind,
    name: uniqueZoneName(design, label),
    ...(parent ? { parentId: parent.id } : {}),
    position,
    size,
  };
}

/**
 * Place a component in a private subnet: one in the same availability zone or VPC if there is one, else a new
 * subnet there, else a new VPC with a private subnet around the component (004: VPC 10.0.0.0/16, Private
 * Subnets (Multiple AZs)). The component keeps its place on the canvas when it already lies inside the subnet.
 */
export function moveIntoPrivateSubnet(design: Design, componentId: string): Design {
  const graph = graphOf(design);
  const component = graph.component(componentId);
  const at = absolutePosition(graph, component);
  const enclosing = componentZones(graph, componentId).filter((zone) => zone.kind === "availability-zone" || zone.kind === "vpc");
  const subnets = design.zones.filter((zone) => zone.kind === "private-subnet");
  const sharing = (ancestor: Zone) => subnets.find((subnet) => zoneChain(graph, subnet.id).some((zone) => zone.id === ancestor.id));

  let subnet: Zone | undefined;
  for (const ancestor of enclosing) {
    subnet = sharing(ancestor);
    if (subnet) break;
  }
  if (!subnet && enclosing.length === 0) subnet = subnets[0];

  let next = design;
  if (!subnet) {
    let parent = enclosing[0] ?? design.zones.find((zone) => zone.kind === "vpc");
    if (!parent) {
      const region = componentZones(graph, componentId).find((zone) => zone.kind === "region");
      const regionAt = region ? absolutePosition(graph, { position: region.position, parentId: region.parentId }) : { x: 0, y: 0 };
      parent = {
        ...newZone(next, "vpc", "VPC", region, { x: at.x - regionAt.x - 2 * INSET.x, y: at.y - regionAt.y - 2 * INSET.y }, {
          width: SUBNET_SIZE.width + 2 * INSET.x,
          height: SUBNET_SIZE.height + 2 * INSET.y,
        }),
        cidr: "10.0.0.0/16",
      };
      next = { ...next, zones: [...next.zones, parent] };
    }
    const parentAt = absolutePosition(graphOf(next), { position: parent.position, parentId: parent.parentId });
    const vpc = parent.kind === "vpc" ? parent : zoneChain(graphOf(next), parent.id).find((zone) => zone.kind === "vpc");
    const cidr = freeSubnetCidr(next, vpc);
    subnet = {
      ...newZone(next, "private-subnet", "Private subnet", parent, { x: at.x - parentAt.x - INSET.x, y: at.y - parentAt.y - INSET.y }, SUBNET_SIZE),
      ...(cidr ? { cidr } : {}),
    };
    next = { ...next, zones: [...next.zones, subnet] };
  }

  const subnetAt = absolutePosition(graphOf(next), { position: subnet.position, parentId: subnet.parentId });
  const relative = { x: at.x - subnetAt.x, y: at.y - subnetAt.y };
  const inside = relative.x >= 0 && relative.y >= 0 && relative.x <= subnet.size.width - 40 && relative.y <= subnet.size.height - 40;
  const target = subnet;
  return {
    ...next,
    components: next.components.map((candidate) =>
      candidate.id === componentId ? { ...candidate, zoneId: target.id, position: inside ? relative : { ...INSET } } : candidate,
    ),
  };
}
