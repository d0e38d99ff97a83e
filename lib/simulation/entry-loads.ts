import { entryPoints, type DesignGraph } from "../graph";
import type { EntryLoad, SimulationOptions } from "./types";

/** 002 "Start with Requirements": "Read/write ratio? (90% read, 10% write)". */
export const DEFAULT_READ_RATIO = 0.9;
/** A small JSON request and response. */
export const DEFAULT_PAYLOAD_KB = 1;
/** Load of an entry point that is not a client: 003 "Scalability (Handle 10x Traffic Spikes)": 100 requests/sec. */
export const DEFAULT_ENTRY_RPS = 100;

/** What a component's own settings say it sends: clients carry their load; other entry points take the default. */
function configuredLoad(graph: DesignGraph, componentId: string): EntryLoad {
  const component = graph.component(componentId);
  if (component.kind !== "client") return { rps: DEFAULT_ENTRY_RPS, readRatio: DEFAULT_READ_RATIO, payloadKb: DEFAULT_PAYLOAD_KB };
  return {
    rps: component.config.requestsPerSecond,
    readRatio: component.config.readPercent === undefined ? DEFAULT_READ_RATIO : component.config.readPercent / 100,
    payloadKb: component.config.payloadKb ?? DEFAULT_PAYLOAD_KB,
  };
}

function finiteOr(value: number | undefined, fallback: number, min: number, max: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, value));
}

/** The load at every entry point, in design order: configured, overridden by `entryLoads`, times `loadMultiplier`. */
export function resolveEntryLoads(graph: DesignGraph, options: SimulationOptions): Map<string, EntryLoad> {
  const multiplier = finiteOr(options.loadMultiplier, 1, 0, 1_000_000);
  const loads = new Map<string, EntryLoad>();
  for (const entry of entryPoints(graph)) {
    const configured = configuredLoad(graph, entry.id);
    const override = options.entryLoads?.[entry.id] ?? {};
    loads.set(entry.id, {
      rps: finiteOr(override.rps, configured.rps, 0, Number.MAX_SAFE_INTEGER) * multiplier,
      readRatio: finiteOr(override.readRatio, configured.readRatio, 0, 1),
      payloadKb: finiteOr(override.payloadKb, configured.payloadKb, 0, 1_000_000),
    });
  }
  return loads;
}
