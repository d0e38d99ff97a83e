import { entryPoints, graphOf } from "@/lib/graph";
import type { Design, DesignIssue } from "@/lib/model";
import { formatMs, formatNumber, formatPercent, simulate, type SimulationFailure, type SimulationOptions, type SimulationResult } from "@/lib/simulation";
import { readDesignArgument, reportInvalidInput } from "../read-design";
import type { CliCommand } from "../types";

const USAGE = [
  "Usage: archway simulate FILE [--rps N] [--spike N] [--fail COMPONENT]... [--fail-zone ZONE]... [--fail-region ZONE]... [--json]",
  "",
  "  FILE            A design document (JSON); - reads it from standard input.",
  "  --rps N         Every entry point sends N requests per second (default: each client's own setting).",
  "  --spike N       Multiply all entry loads by N, e.g. 10 for 002's 10× traffic spike.",
  "  --fail C        Fail component C (id or exact name); repeat for several.",
  "  --fail-zone Z   Fail availability zone Z (id or exact name).",
  "  --fail-region Z Fail region Z (id or exact name) with everything in it.",
  "  --json          Print the result as JSON, the same body as POST /api/simulate.",
  "",
  "Exit status: 0 when every request path stays healthy, 1 when one degrades or breaks, 2 when the input",
  "cannot be read, is not a valid design, or names components or zones the design does not have.",
].join("\n");

interface Arguments {
  file?: string;
  rps?: number;
  spike?: number;
  fail: string[];
  failZone: string[];
  failRegion: string[];
  json: boolean;
}

function parseArguments(args: string[]): Arguments | string {
  const parsed: Arguments = { fail: [], failZone: [], failRegion: [], json: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = () => {
      index += 1;
      return args[index];
    };
    if (arg === "--json") parsed.json = true;
    else if (arg === "--rps" || arg === "--spike") {
      const text = value();
      const number = Number(text);
      if (text === undefined || !Number.isFinite(number) || number < 0) return `${arg} needs a number of 0 or more`;
      if (arg === "--rps") parsed.rps = number;
      else parsed.spike = number;
    } else if (arg === "--fail" || arg === "--fail-zone" || arg === "--fail-region") {
      const text = value();
      if (text === undefined) return `${arg} needs a name or id`;
      (arg === "--fail" ? parsed.fail : arg === "--fail-zone" ? parsed.failZone : parsed.failRegion).push(text);
    } else if (arg.startsWith("-") && arg !== "-") return `unknown option "${arg}"`;
    else if (parsed.file !== undefined) return "give exactly one FILE (or - for standard input)";
    else parsed.file = arg;
  }
  return parsed.file === undefined ? "give exactly one FILE (or - for standard input)" : parsed;
}

/** Turn names or ids from the command line into options; unknown ones become issues. */
function optionsFor(design: Design, args: Arguments): { options: SimulationOptions; issues: DesignIssue[] } {
  const graph = graphOf(design);
  const issues: DesignIssue[] = [];
  const componentId = (text: string) => design.components.find((component) => component.id === text || component.name === text)?.id;
  const zoneId = (text: string) => design.zones.find((zone) => zone.id === text || zone.name === text)?.id;
  const failures: SimulationFailure[] = [];
  for (const text of args.fail) {
    const id = componentId(text);
    if (id) failures.push({ type: "component", componentId: id });
    else issues.push({ path: "--fail", message: `No component with id or name "${text}"` });
  }
  for (const [texts, type] of [[args.failZone, "zone"], [args.failRegion, "region"]] as const) {
    for (const text of texts) {
      const id = zoneId(text);
      if (id) failures.push({ type, zoneId: id });
      else issues.push({ path: `--fail-${type}`, message: `No zone with id or name "${text}"` });
    }
  }
  const entryLoads = args.rps === undefined ? undefined : Object.fromEntries(entryPoints(graph).map((entry) => [entry.id, { rps: args.rps }]));
  return { options: { entryLoads, failures, loadMultiplier: args.spike }, issues };
}

const STATUS_MARKS = { idle: " ", ok: "✓", busy: "!", overloaded: "✗", failed: "✗" } as const;

/** Components by utilisation, the paths with their latency and errors, then the explanations. */
export function formatSimulation(design: Design, result: SimulationResult): string {
  const graph = graphOf(design);
  const lines = [`Design "${design.name}": availability ${formatPercent(result.availability)}`, "", "Components:"];
  const loads = Object.values(result.components).filter((load) => load.status !== "idle");
  loads.sort((a, b) => (a.status === "failed" ? -1 : 0) - (b.status === "failed" ? -1 : 0) || b.utilisation - a.utilisation);
  for (const load of loads) {
    const usage = load.status === "failed" ? "down" : `${formatPercent(load.utilisation)} of capacity (${formatNumber(load.offeredRps)} of ${formatNumber(load.capacityRps)}/s)`;
    lines.push(`  ${STATUS_MARKS[load.status]} ${graph.name(load.componentId)}: ${usage}, ${load.status}`);
  }
  lines.push("", "Request paths:");
  for (const path of result.paths) {
    lines.push(
      `  [${path.outcome}] ${path.componentIds.map((id) => graph.name(id)).join(" → ")}`,
      `      p50 ${formatMs(path.p50Ms)}, p95 ${formatMs(path.p95Ms)}, ${formatNumber(path.throughputRps)} requests/s, errors ${formatPercent(path.errorRate)}`,
    );
  }
  lines.push("", "What happens:", ...result.explanations.map((line) => `  - ${line}`), "");
  return lines.join("\n");
}

export const simulateCommand: CliCommand = {
  name: "simulate",
  summary: "Load a design with traffic and failure drills; show utilisation, latency and what breaks",
  usage: USAGE,
  async run(args, io) {
    const parsedArgs = parseArguments(args);
    if (typeof parsedArgs === "string") {
      io.stderr(`archway simulate: ${parsedArgs}\n\n${USAGE}\n`);
      return 2;
    }
    const file = parsedArgs.file!;
    const input = await readDesignArgument(io, file);
    if (input.kind === "failed") return reportInvalidInput(io, "simulate", parsedArgs.json, input.message, input.issues);
    const { options, issues } = optionsFor(input.design, parsedArgs);
    if (issues.length > 0) return reportInvalidInput(io, "simulate", parsedArgs.json, "the options do not match the design", issues);
    const result = simulate(input.design, options);
    io.stdout(parsedArgs.json ? `${JSON.stringify(result, null, 2)}\n` : formatSimulation(input.design, result));
    return result.paths.every((path) => path.outcome === "healthy") ? 0 : 1;
  },
};
