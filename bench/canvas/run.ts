/**
 * Canvas benchmark: frames per second while panning and while dragging a component, in the Archway editor with a
 * 500-component design and on a bare React Flow page with the same 500 nodes as default nodes, in the same run.
 *
 *   npx tsx bench/canvas/run.ts [--components 500] [--runs 5] [--seconds 3]
 *
 * Needs a production build (`npx next build`; the script runs it when .next/BUILD_ID is missing) and Chromium.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { chromium, type Page } from "playwright-core";
import { RENDER_VISIBLE_ONLY_ABOVE } from "../../lib/designer/viewport";
import { parseDesign } from "../../lib/model";
import { generateDesignDocument } from "../shared/generate-design";
import { freePort, startArchway } from "../shared/archway-server";
import { median } from "../shared/baseline";

const { values: options } = parseArgs({
  options: { components: { type: "string", default: "500" }, runs: { type: "string", default: "5" }, seconds: { type: "string", default: "3" } },
});
const COMPONENTS = Number(options.components);
const RUNS = Number(options.runs);
const SECONDS = Number(options.seconds);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

async function bareFlowServer(workDir: string, graph: unknown): Promise<{ url: string; server: Server }> {
  await build({
    entryPoints: [path.join(import.meta.dirname, "bare-flow.tsx")],
    bundle: true,
    minify: true,
    outdir: workDir,
    define: { "process.env.NODE_ENV": '"production"' },
    jsx: "automatic",
    logLevel: "warning",
  });
  const html = `<!doctype html><html><head><link rel="stylesheet" href="/bare-flow.css"></head><body style="margin:0">
<div id="root"></div><script>window.BENCH_GRAPH = ${JSON.stringify(graph)};</script><script src="/bare-flow.js"></script></body></html>`;
  const server = createServer((request, response) => {
    const file = request.url === "/" ? null : path.join(workDir, path.basename(request.url ?? ""));
    if (!file) return response.writeHead(200, { "content-type": "text/html" }).end(html);
    if (!existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": file.endsWith(".css") ? "text/css" : "text/javascript" }).end(readFileSync(file));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}

// In-page scripts are strings: functions passed to page.evaluate would carry tsx's `__name` helper into the page.
const START_COUNTING = `(() => {
  window.benchFrames = 0;
  window.benchStart = performance.now();
  const tick = () => { window.benchFrames += 1; window.benchHandle = requestAnimationFrame(tick); };
  window.benchHandle = requestAnimationFrame(tick);
})()`;
const STOP_COUNTING = `(() => {
  cancelAnimationFrame(window.benchHandle);
  return window.benchFrames / ((performance.now() - window.benchStart) / 1000);
})()`;

/** Frames the page painted per second while `action` runs, counted with requestAnimationFrame. */
async function framesPerSecond(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(START_COUNTING);
  await action();
  return (await page.evaluate(STOP_COUNTING)) as number;
}

/** Centre of the component card nearest the middle of the canvas, so a drag never runs off the visible pane. */
async function centralNode(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return (await page.evaluate(`(() => {
    const pane = document.querySelector(".react-flow__pane").getBoundingClientRect();
    const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    let best;
    for (const element of document.querySelectorAll(${JSON.stringify(selector)})) {
      const box = element.getBoundingClientRect();
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const distance = Math.hypot(centre.x - middle.x, centre.y - middle.y);
      if (!best || distance < best.distance) best = { ...centre, distance };
    }
    return best;
  })()`)) as { x: number; y: number };
}

/** Holds the mouse down at `from` and circles around it for SECONDS, one move per animation frame's worth of time. */
async function circleDrag(page: Page, from: { x: number; y: number }, radius: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const started = Date.now();
  for (let step = 0; Date.now() - started < SECONDS * 1000; step += 1) {
    const angle = step / 10;
    await page.mouse.move(from.x + radius * Math.sin(angle), from.y + radius * (1 - Math.cos(angle)));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** `cardsInPage`: how many cards the page holds once drawn (the editor keeps only the visible ones above 300). */
async function measurePage(page: Page, cardsInPage: number, cardSelector: string): Promise<{ pan: number; drag: number }> {
  await page.waitForFunction(`document.querySelectorAll(${JSON.stringify(cardSelector)}).length >= ${cardsInPage}`, undefined, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no React Flow pane");
  const pan = await framesPerSecond(page, () => circleDrag(page, { x: pane.x + 12, y: pane.y + 12 }, 80));
  const node = await centralNode(page, cardSelector);
  const drag = await framesPerSecond(page, () => circleDrag(page, node, 60));
  return { pan, drag };
}

async function main() {
  const workDir = mkdtempSync(path.join(tmpdir(), "archway-bench-canvas-"));
  mkdirSync(workDir, { recursive: true });
  const parsed = parseDesign(generateDesignDocument(COMPONENTS));
  if (!parsed.success) throw new Error("the generated design does not parse");
  const design = parsed.design;
  const graph = {
    nodes: design.components.map((component) => ({ id: component.id, position: component.position, data: { label: component.name } })),
    edges: design.connections.map((connection) => ({ id: connection.id, source: connection.source, target: connection.target })),
  };
  const bare = await bareFlowServer(workDir, graph);
  const archway = await startArchway(workDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    /** A fresh copy of the design per run: the editor saves every drag, so a reused design would drift. */
    const freshEditorUrl = async () => {
      const created = await fetch(`${archway.baseUrl}/api/designs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ document: design }) });
      if (created.status !== 201) throw new Error(`creating the design failed: ${created.status} ${await created.text()}`);
      return `${archway.baseUrl}/designs/${((await created.json()) as { id: string }).id}`;
    };
    const pages = {
      bare: { url: async () => bare.url, cards: ".react-flow__node", cardsInPage: design.components.length },
      editor: { url: freshEditorUrl, cards: ".react-flow__node-component", cardsInPage: design.components.length > RENDER_VISIBLE_ONLY_ABOVE ? 1 : design.components.length },
    };
    const results = { bare: { pan: [] as number[], drag: [] as number[] }, editor: { pan: [] as number[], drag: [] as number[] } };
    for (let run = 0; run < RUNS; run += 1) {
      for (const which of ["bare", "editor"] as const) {
        // The app's Content-Security-Policy forbids string evaluation, which the benchmark's page probes use.
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
        await page.goto(await pages[which].url());
        const measured = await measurePage(page, pages[which].cardsInPage, pages[which].cards);
        results[which].pan.push(measured.pan);
        results[which].drag.push(measured.drag);
        await page.close();
      }
    }
    const rows = (["pan", "drag"] as const).map((scenario) => {
      const bareFps = median(results.bare[scenario]);
      const editorFps = median(results.editor[scenario]);
      return { scenario, bare: bareFps.toFixed(1), archway: editorFps.toFixed(1), ratio: (editorFps / bareFps).toFixed(2) };
    });
    console.log(`Canvas FPS, ${design.components.length} components (${design.connections.length} connections), median of ${RUNS} runs of ${SECONDS} s`);
    console.table(rows);
  } finally {
    await browser.close();
    archway.process.kill();
    bare.server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
