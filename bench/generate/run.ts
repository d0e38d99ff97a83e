/**
 * Generation speed: every code target (what `--target all` writes) for designs of 100 and 1,000 components.
 * Run with `npx tsx bench/generate/run.ts`; prints the median of several runs per target and in total.
 * Aim (issue 4): under 300 ms for 100 components and under 3 s for 1,000, all targets together.
 */
import { performance } from "node:perf_hooks";
import { CODE_GENERATORS, runGenerator } from "../../lib/generators";
import { parseDesign, type Design } from "../../lib/model";
import { median } from "../shared/baseline";

const SIZES = [100, 1_000];
const RUNS: Record<number, number> = { 100: 9, 1_000: 5 };

/**
 * A design shaped like the seeds, repeated: an edge (client, DNS, CDN, WAF) in front of cells of
 * load balancer → three services → cache, database, queue → worker → object storage, plus secrets.
 */
function scaledDesign(size: number): Design {
  const components: Record<string, unknown>[] = [];
  const connections: Record<string, unknown>[] = [];
  const add = (id: string, kind: string, zoneId?: string) =>
    components.length < size && components.push({ id, kind, name: `${kind} ${id}`, position: { x: components.length * 10, y: 0 }, ...(zoneId ? { zoneId } : {}) });
  const connect = (source: string, target: string, protocol = "http") => {
    const ids = new Set(components.map((component) => component.id));
    if (ids.has(source) && ids.has(target)) connections.push({ id: `c-${connections.length + 1}`, source, target, protocol, ...(protocol === "async" ? {} : { timeoutMs: 30_000 }) });
  };
  add("client", "client");
  add("dns", "dns");
  add("cdn", "cdn");
  add("waf", "waf");
  connect("client", "dns", "tcp");
  connect("dns", "cdn");
  connect("cdn", "waf");
  for (let cell = 1; components.length < size; cell += 1) {
    const id = (name: string) => `${name}-${cell}`;
    add(id("lb"), "load-balancer", "private");
    for (const service of ["svc-a", "svc-b", "svc-c"]) add(id(service), "service", "private");
    add(id("cache"), "cache", "private");
    add(id("db"), "database", "private");
    add(id("queue"), "queue", "private");
    add(id("worker"), "worker", "private");
    add(id("bucket"), "object-storage");
    add(id("secrets"), "secrets-manager");
    connect("waf", id("lb"));
    for (const service of ["svc-a", "svc-b", "svc-c"]) connect(id("lb"), id(service));
    connect(id("svc-a"), id("svc-b"));
    connect(id("svc-b"), id("cache"), "tcp");
    connect(id("svc-b"), id("db"), "tcp");
    connect(id("svc-c"), id("queue"), "async");
    connect(id("queue"), id("worker"), "async");
    connect(id("worker"), id("bucket"));
    connect(id("svc-a"), id("secrets"));
  }
  const result = parseDesign({
    schemaVersion: 1,
    name: `Benchmark ${size}`,
    zones: [
      { id: "vpc", kind: "vpc", name: "VPC", cidr: "10.0.0.0/16", position: { x: 0, y: 0 }, size: { width: 1000, height: 1000 } },
      { id: "private", kind: "private-subnet", name: "Private", parentId: "vpc", position: { x: 0, y: 0 }, size: { width: 900, height: 900 } },
    ],
    components,
    connections,
  });
  if (!result.success) throw new Error(`Benchmark design is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.design;
}

function time(action: () => unknown): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

const rows: string[][] = [];
for (const size of SIZES) {
  const design = scaledDesign(size);
  const totals: number[] = [];
  const perTarget = new Map<string, number[]>(CODE_GENERATORS.map((generator) => [generator.target, []]));
  const fileCounts = new Map<string, number>();
  for (const generator of CODE_GENERATORS) fileCounts.set(generator.target, runGenerator(generator, design).length);
  for (let run = 0; run < RUNS[size]; run += 1) {
    let total = 0;
    for (const generator of CODE_GENERATORS) {
      const elapsed = time(() => runGenerator(generator, design));
      perTarget.get(generator.target)?.push(elapsed);
      total += elapsed;
    }
    totals.push(total);
  }
  for (const generator of CODE_GENERATORS) {
    const samples = perTarget.get(generator.target) as number[];
    rows.push([String(size), String(design.connections.length), generator.target, String(fileCounts.get(generator.target)), median(samples).toFixed(1), Math.min(...samples).toFixed(1), Math.max(...samples).toFixed(1)]);
  }
  const files = [...fileCounts.values()].reduce((sum, count) => sum + count, 0);
  rows.push([String(size), String(design.connections.length), "all", String(files), median(totals).toFixed(1), Math.min(...totals).toFixed(1), Math.max(...totals).toFixed(1)]);
}

const header = ["components", "connections", "target", "files", "median ms", "min ms", "max ms"];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(" | ")} |`;
console.log(`Node ${process.version}: median of ${RUNS[100]} runs at 100 components and ${RUNS[1_000]} at 1,000, after one warm-up run`);
console.log(line(header));
console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
