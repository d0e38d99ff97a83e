import type { DesignGraph } from "./design-graph";

export interface SyncCycle {
  /** Components of one strongly connected group of synchronous calls, in design order. */
  componentIds: string[];
  /** Synchronous connections between those components. */
  connectionIds: string[];
}

interface Groups {
  cycles: SyncCycle[];
  /** Index into `cycles` for every component that sits in a cycle. */
  cycleOf: Map<string, number>;
}

/**
 * Tarjan's strongly connected components over synchronous connections, iterative so deep chains cannot
 * overflow the stack, on integer indices because it runs on every validation.
 */
function stronglyConnectedGroups(graph: DesignGraph): Groups {
  const components = graph.design.components;
  const count = components.length;
  const indexOf = new Map(components.map((component, index) => [component.id, index]));
  const targets = components.map((component) => graph.syncOutgoing(component.id).map((connection) => indexOf.get(connection.target)!));
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const frames: number[] = [];
  const next = new Int32Array(count);
  const groups: number[][] = [];
  let counter = 0;

  const open = (node: number) => {
    order[node] = counter;
    low[node] = counter;
    counter += 1;
    stack.push(node);
    onStack[node] = 1;
    frames.push(node);
  };

  for (let root = 0; root < count; root += 1) {
    if (order[root] !== -1) continue;
    open(root);
    while (frames.length > 0) {
      const node = frames[frames.length - 1];
      const out = targets[node];
      if (next[node] < out.length) {
        const target = out[next[node]];
        next[node] += 1;
        if (order[target] === -1) open(target);
        else if (onStack[target]) low[node] = Math.min(low[node], order[target]);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const caller = frames[frames.length - 1];
        low[caller] = Math.min(low[caller], low[node]);
      }
      if (low[node] === order[node]) {
        const group: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          group.push(member);
        } while (member !== node);
        if (group.length > 1) groups.push(group);
      }
    }
  }

  const cycleOf = new Map<string, number>();
  const cycles = groups
    .map((group) => group.sort((a, b) => a - b))
    .sort((a, b) => a[0] - b[0])
    .map((members, index) => {
      const componentIds = members.map((member) => components[member].id);
      for (const id of componentIds) cycleOf.set(id, index);
      const connectionIds = componentIds.flatMap((id) =>
        graph.syncOutgoing(id).filter((connection) => cycleOf.get(connection.target) === index).map((connection) => connection.id),
      );
      return { componentIds, connectionIds };
    });
  return { cycles, cycleOf };
}

function groupsOf(graph: DesignGraph): Groups {
  return graph.memo("syncCycles", () => stronglyConnectedGroups(graph));
}

/** Groups of components that call each other synchronously in a circle. */
export function syncCycles(graph: DesignGraph): readonly SyncCycle[] {
  return groupsOf(graph).cycles;
}

/** Whether a synchronous connection runs between two components of the same cycle. */
export function isInsideCycle(graph: DesignGraph, source: string, target: string): boolean {
  const { cycleOf } = groupsOf(graph);
  const group = cycleOf.get(source);
  return group !== undefined && group === cycleOf.get(target);
}

/** One concrete loop through the cycle's first component, as component ids; the first id is repeated at the end. */
export function cycleLoop(graph: DesignGraph, cycle: SyncCycle): string[] {
  const members = new Set(cycle.componentIds);
  const start = cycle.componentIds[0];
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    for (const connection of graph.syncOutgoing(id)) {
      if (!members.has(connection.target)) continue;
      if (connection.target === start) {
        const loop = [start];
        for (let at: string | undefined = id; at !== undefined && at !== start; at = parent.get(at)) loop.unshift(at);
        loop.unshift(start);
        return loop;
      }
      if (parent.has(connection.target)) continue;
      parent.set(connection.target, id);
      queue.push(connection.target);
    }
  }
  return [...cycle.componentIds, start];
}

/**
 * Components ordered so every synchronous caller comes before its callee; calls inside a cycle are ignored,
 * which leaves a DAG that dynamic programming over paths can walk once.
 */
export function syncTopologicalOrder(graph: DesignGraph): readonly string[] {
  return graph.memo("syncTopologicalOrder", () => {
    const { cycleOf } = groupsOf(graph);
    const inside = (source: string, target: string) => {
      const group = cycleOf.get(source);
      return group !== undefined && group === cycleOf.get(target);
    };
    const indegree = new Map<string, number>();
    for (const connection of graph.design.connections) {
      if (connection.protocol === "async" || inside(connection.source, connection.target)) continue;
      indegree.set(connection.target, (indegree.get(connection.target) ?? 0) + 1);
    }
    const order = graph.design.components.filter((component) => !indegree.has(component.id)).map((component) => component.id);
    for (let head = 0; head < order.length; head += 1) {
      const id = order[head];
      for (const connection of graph.syncOutgoing(id)) {
        if (inside(id, connection.target)) continue;
        const remaining = indegree.get(connection.target)! - 1;
        indegree.set(connection.target, remaining);
        if (remaining === 0) order.push(connection.target);
      }
    }
    return order;
  });
}
