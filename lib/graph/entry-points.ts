import type { Component } from "../model";
import type { DesignGraph } from "./design-graph";
import { isInternetFacingKind } from "./kinds";

/** Where requests start: every client, and every internet-facing edge or traffic component that nothing calls. */
export function entryPoints(graph: DesignGraph): readonly Component[] {
  return graph.memo("entryPoints", () =>
    graph.design.components.filter(
      (component) => component.kind === "client" || (isInternetFacingKind(component) && graph.incoming(component.id).length === 0),
    ),
  );
}
