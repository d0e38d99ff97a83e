/**
 * Auto-layout benchmark: layoutDesign (the layout the editor's Auto-layout button runs in a worker) and
 * routeDesign (the edge routes the canvas draws) on generated designs of about 100 and 1,000 components with
 * three connections each, flat and with every cell of 21 components in a private subnet of one VPC, against a
 * baseline measured in the same run: parsing the document plus one breadth-first walk.
 *
 *   npx tsx bench/layout/run.ts [--runs 7] [--sizes 100,1000]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { routeDesign } from "../../lib/designer/design-routes";
import { applyLayout } from "../../lib/designer/commands/apply-layout";
import { layoutDesign } from "../../lib/designer/layout";
import { median, parseAndWalk, parseGenerated } from "../shared/baseline";
import { generateDesignDocument } from "../shared/generate-design";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "7" }, sizes: { type: "string", default: "100,1000" } } });
const RUNS = Math.max(5, Number(options.runs));
const SIZES = options.sizes.split(",").map(Number);

/** The generated design with each cell (ids c<cell>-<slot>) in a private subnet of its own, all in one VPC. */
function zoned(document: Record<string, unknown>): Record<string, unknown> {
  const components = document.components as { id: string; zoneId?: string }[];
  const cells = new Set(components.map((component) => component.id.split("-")[0]));
  const zones = [
    { id: "vpc", kind: "vpc", name: "VPC", position: { x: 0, y: 0 }, size: { width: 800, height: 600 } },
    ...[...cells].map((cell) => ({ id: `subnet-${cell}`, kind: "private-subnet", name: `Cell ${cell}`, parentId: "vpc", position: { x: 0, y: 0 }, size: { width: 360, height: 180 } })),
  ];
  return { ...document, zones, components: components.map((component) => ({ ...component, zoneId: `subnet-${component.id.split("-")[0]}` })) };
}

function time(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

const rows: string[][] = [];
for (const size of SIZES) {
  for (const [shape, document] of [
    ["flat", generateDesignDocument(size)],
    ["zoned", zoned(generateDesignDocument(size))],
  ] as const) {
    const design = parseGenerated(JSON.parse(JSON.stringify(document)));
    const laidOut = applyLayout(design, layoutDesign(design));
    for (let index = 0; index < 2; index += 1) {
      parseAndWalk(document);
      layoutDesign(design);
      routeDesign(laidOut);
    }
    const baseline: number[] = [];
    const layout: number[] = [];
    const routes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      baseline.push(time(() => parseAndWalk(document)));
      // A fresh top-level object per run, so nothing keyed on the previous object is reused.
      layout.push(time(() => layoutDesign({ ...design })));
      routes.push(time(() => routeDesign({ ...laidOut })));
    }
    rows.push([
      String(design.components.length),
      String(design.connections.length),
      shape,
      median(baseline).toFixed(1),
      median(layout).toFixed(1),
      (median(layout) / median(baseline)).toFixed(1),
      median(routes).toFixed(0),
    ]);
  }
}

const header = ["components", "connections", "zones", "baseline ms", "layout ms", "layout / baseline", "routes ms"];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column])).join("  ");
console.log(`Auto-layout benchmark: medians of ${RUNS} runs (Node ${process.version}); baseline = parseDesign + one BFS; load average ${loadavg()[0].toFixed(2)}`);
console.log(line(header));
for (const row of rows) console.log(line(row));
