import type { Component, Connection, Design, Zone } from "../model";
import { isSync } from "./kinds";

const EMPTY: readonly Connection[] = [];

/**
 * Adjacency over one design, built once and shared by every query and rule. Queries that are costly to
 * compute (reachability, cycles, topological order) are memoised on the graph through `memo`.
 */
export class DesignGraph {
  readonly components: ReadonlyMap<string, Component>;
  readonly connections: ReadonlyMap<string, Connection>;
  readonly zones: ReadonlyMap<string, Zone>;
  private readonly outgoingById = new Map<string, Connection[]>();
  private readonly incomingById = new Map<string, Connection[]>();
  private readonly syncOutgoingById = new Map<string, Connection[]>();
  private readonly syncIncomingById = new Map<string, Connection[]>();
  private readonly memoised = new Map<string, unknown>();

  constructor(readonly design: Design) {
    this.components = new Map(design.components.map((component) => [component.id, component]));
    this.connections = new Map(design.connections.map((connection) => [connection.id, connection]));
    this.zones = new Map(design.zones.map((zone) => [zone.id, zone]));
    for (const connection of design.connections) {
      push(this.outgoingById, connection.source, connection);
      push(this.incomingById, connection.target, connection);
      if (isSync(connection)) {
        push(this.syncOutgoingById, connection.source, connection);
        push(this.syncIncomingById, connection.target, connection);
      }
    }
  }

  component(id: string): Component {
    const component = this.components.get(id);
    if (!component) throw new Error(`Component "${id}" is not in the design`);
    return component;
  }

  connection(id: string): Connection {
    const connection = this.connections.get(id);
    if (!connection) throw new Error(`Connection "${id}" is not in the design`);
    return connection;
  }

  name(componentId: string): string {
    return this.components.get(componentId)?.name ?? componentId;
  }

  outgoing(componentId: string): readonly Connection[] {
    return this.outgoingById.get(componentId) ?? EMPTY;
  }

  incoming(componentId: string): readonly Connection[] {
    return this.incomingById.get(componentId) ?? EMPTY;
  }

  syncOutgoing(componentId: string): readonly Connection[] {
    return this.syncOutgoingById.get(componentId) ?? EMPTY;
  }

  syncIncoming(componentId: string): readonly Connection[] {
    return this.syncIncomingById.get(componentId) ?? EMPTY;
  }

  /** Compute a derived value once per graph; `key` names the query. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memoised.has(key)) return this.memoised.get(key) as T;
    const value = compute();
    this.memoised.set(key, value);
    return value;
  }
}

function push(map: Map<string, Connection[]>, key: string, connection: Connection): void {
  const list = map.get(key);
  if (list) list.push(connection);
  else map.set(key, [connection]);
}

const graphs = new WeakMap<Design, DesignGraph>();

/** The graph of a design, built on first use; designs are immutable, so it stays valid. */
export function graphOf(design: Design): DesignGraph {
  let graph = graphs.get(design);
  if (!graph) {
    graph = new DesignGraph(design);
    graphs.set(design, graph);
  }
  return graph;
}
