import { z } from "zod";
import { entryPoints, graphOf } from "../graph";
import type { Design, DesignIssue } from "../model";
import type { SimulationOptions } from "./types";

export const EntryLoadSchema = z
  .object({
    rps: z.number().finite().min(0).max(1_000_000_000).optional().describe("Requests per second entering here."),
    readRatio: z.number().min(0).max(1).optional().describe("Share of requests that only read, 0..1 (002: 90 % read)."),
    payloadKb: z.number().min(0).max(1_000_000).optional().describe("Request plus response size in KB."),
  })
  .strict();

export const SimulationFailureSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("component"), componentId: z.string().min(1).describe("Component that goes down.") }).strict(),
  z.object({ type: z.literal("zone"), zoneId: z.string().min(1).describe("Availability zone (or any zone) that goes down.") }).strict(),
  z.object({ type: z.literal("region"), zoneId: z.string().min(1).describe("Region zone that goes down with everything in it.") }).strict(),
]);

export const SimulationOptionsSchema = z
  .object({
    entryLoads: z.record(z.string(), EntryLoadSchema).optional().describe("Load per entry point id; missing fields keep the entry's own settings."),
    failures: z.array(SimulationFailureSchema).max(1000).optional().describe("Failure drills (002 \"Failure Scenarios\")."),
    loadMultiplier: z.number().finite().min(0).max(1000).optional().describe("Multiplies every entry load: 10 for a 10× spike."),
  })
  .strict()
  .describe("What to simulate: loads, drills and a spike.");

/** References in the options that the design does not have, with dotted paths into the options. */
export function optionIssues(design: Design, options: SimulationOptions, prefix = ""): DesignIssue[] {
  const graph = graphOf(design);
  const entries = new Set(entryPoints(graph).map((component) => component.id));
  const issues: DesignIssue[] = [];
  for (const id of Object.keys(options.entryLoads ?? {})) {
    if (!entries.has(id)) {
      const known = graph.components.has(id);
      issues.push({ path: `${prefix}entryLoads.${id}`, message: known ? `"${id}" is not an entry point (a client, or an internet-facing component nothing calls)` : `No component "${id}"` });
    }
  }
  (options.failures ?? []).forEach((failure, index) => {
    const path = `${prefix}failures.${index}`;
    if (failure.type === "component") {
      if (!graph.components.has(failure.componentId)) issues.push({ path: `${path}.componentId`, message: `No component "${failure.componentId}"` });
      return;
    }
    const zone = graph.zones.get(failure.zoneId);
    if (!zone) issues.push({ path: `${path}.zoneId`, message: `No zone "${failure.zoneId}"` });
    else if (failure.type === "region" && zone.kind !== "region") issues.push({ path: `${path}.zoneId`, message: `"${zone.name}" is a ${zone.kind}, not a region` });
  });
  return issues;
}
