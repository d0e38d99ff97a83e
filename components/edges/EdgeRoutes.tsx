"use client";

import { createContext, useContext, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { routeDesign } from "@/lib/designer/design-routes";
import type { EdgeRoute } from "@/lib/designer/edge-routing";
import { connectionLabel } from "@/lib/designer/labels";
import type { Design } from "@/lib/model";
import { spawnLayoutWorker } from "@/components/workers/spawn";
import { useJob, useJobRunner } from "@/components/workers/use-job";
import { labelTextWidth } from "./label-width";

/**
 * Up to this many connections the routes are computed in the page (every template: under 50 ms), so a dropped
 * card's edges are routed in the same frame; above, in a worker (315 connections take about a second, 3,000
 * take seconds: bench/layout).
 */
const IN_PAGE_LIMIT = 80;

function sameRoute(a: EdgeRoute, b: EdgeRoute): boolean {
  return (
    a.label.x === b.label.x &&
    a.label.y === b.label.y &&
    a.points.length === b.points.length &&
    a.points.every((point, index) => point.x === b.points[index].x && point.y === b.points[index].y)
  );
}

/**
 * The latest routes, read per edge: each edge subscribes to its own route, and a new set of routes keeps the
 * old object wherever a route did not change, so only the edges that moved draw again.
 */
class RouteStore {
  private routes = new Map<string, EdgeRoute>();
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (id: string): EdgeRoute | undefined => this.routes.get(id);

  replace(next: ReadonlyMap<string, EdgeRoute>): void {
    const merged = new Map<string, EdgeRoute>();
    for (const [id, route] of next) {
      const previous = this.routes.get(id);
      merged.set(id, previous && sameRoute(previous, route) ? previous : route);
    }
    this.routes = merged;
    for (const listener of this.listeners) listener();
  }
}

const RoutesContext = createContext<RouteStore | null>(null);
const noSubscription = () => () => undefined;

/** The route computed for an edge, or undefined while there is none (the edge then draws its own path). */
export function useEdgeRoute(id: string): EdgeRoute | undefined {
  const store = useContext(RoutesContext);
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => store?.get(id),
    () => undefined,
  );
}

/** Label text widths as the canvas draws them, for the worker, which has no fonts to measure with. */
function measuredLabelWidths(design: Design): Record<string, number> {
  const widths: Record<string, number> = {};
  for (const connection of design.connections) {
    const text = connectionLabel(connection);
    if (!(text in widths)) widths[text] = labelTextWidth(text);
  }
  return widths;
}

/**
 * Routes every edge of the committed design around the cards (lib/designer/edge-routing.ts) whenever the design
 * changes: after a drop, an auto-layout, an undo. While a card is dragged, its edges no longer start where their
 * route does and draw a plain step path until the drop.
 */
export function EdgeRoutesProvider({ design, children }: { design: Design; children: ReactNode }) {
  const [store] = useState(() => new RouteStore());
  const large = design.connections.length > IN_PAGE_LIMIT;
  const runner = useJobRunner(spawnLayoutWorker);
  const input = useMemo(() => (large ? { design, labelWidths: measuredLabelWidths(design) } : undefined), [design, large]);
  const job = useJob(runner, "routes", input);
  const inPage = useMemo(() => (large ? undefined : routeDesign(design, labelTextWidth)), [design, large]);
  const fromWorker = job.result;
  useLayoutEffect(() => {
    if (inPage) store.replace(inPage);
    else if (fromWorker) store.replace(new Map(Object.entries(fromWorker)));
  }, [store, inPage, fromWorker]);
  return <RoutesContext.Provider value={store}>{children}</RoutesContext.Provider>;
}
