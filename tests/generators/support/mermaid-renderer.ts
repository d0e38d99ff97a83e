import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

export interface MermaidRenderResult {
  svg?: string;
  /** Text of every node, subgraph, edge, actor and message label, as the browser shows it. */
  labels?: string[];
  error?: string;
}

export interface MermaidRenderer {
  render(text: string): Promise<MermaidRenderResult>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The real mermaid bundle in a blank Chromium page, configured as the app's Outputs panel does
 * (`securityLevel: 'strict'`). One browser serves every diagram of a test file.
 */
export async function startMermaidRenderer(): Promise<MermaidRenderer> {
  const bundle = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");
  const browser: Browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page: Page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ path: bundle });
  await page.evaluate(() => {
    const mermaid = (window as unknown as { mermaid: { initialize(config: object): void } }).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", maxTextSize: 1_000_000, maxEdges: 10_000 });
  });
  let counter = 0;
  return {
    async render(text) {
      counter += 1;
      return page.evaluate(
        async ({ source, id }) => {
          const mermaid = (window as unknown as {
            mermaid: { parse(text: string): Promise<unknown>; render(id: string, text: string): Promise<{ svg: string }> };
          }).mermaid;
          try {
            await mermaid.parse(source);
            const { svg } = await mermaid.render(id, source);
            const host = document.createElement("div");
            host.innerHTML = svg;
            document.body.appendChild(host);
            const selectors = ".nodeLabel, .edgeLabel, .cluster-label, text.actor, .messageText, .noteText, .labelText, .loopText";
            const labels = Array.from(host.querySelectorAll(selectors)).map((element) => element.textContent ?? "");
            host.remove();
            return { svg, labels };
          } catch (error) {
            return { error: error instanceof Error ? error.message : String(error) };
          }
        },
        { source: text, id: `diagram-${counter}` },
      );
    },
    close: () => browser.close(),
  };
}
