import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { mermaidText } from "@/lib/generators/mermaid/escape";
import { parseDesign, type Design } from "@/lib/model";
import { fixtureDesigns, HOSTILE_FRAGMENTS } from "./support/designs";
import { startMermaidRenderer, type MermaidRenderer } from "./support/mermaid-renderer";

/** Compare label text as a reader sees it: line breaks, spacing and invisible characters aside. */
export function visibleText(text: string): string {
  return text.replace(/[\s\p{Cc}\p{Cf}\u2028\u2029]/gu, "");
}

const fixtures = fixtureDesigns();
const fileOf = (design: Design, path: string) => generate(design, "mermaid").find((file) => file.path === path)?.contents as string;
let renderer: MermaidRenderer;

beforeAll(async () => {
  renderer = await startMermaidRenderer();
});

afterAll(async () => {
  await renderer?.close();
});

describe("mermaid generator", () => {
  it.each(fixtures.flatMap((fixture) => ["flowchart.mmd", "sequence.mmd"].map((path) => [fixture.name, path])))(
    "%s %s renders to SVG with mermaid in Chromium",
    async (name, path) => {
      const design = (fixtures.find((fixture) => fixture.name === name) as { design: Design }).design;
      const result = await renderer.render(fileOf(design, path));
      expect(result.error).toBeUndefined();
      expect(result.svg).toMatch(/^<svg[\s>]/);
    },
  );

  it("shows every display name verbatim, however hostile", async () => {
    const design = (fixtures.find((fixture) => fixture.name === "ingress-namespace") as { design: Design }).design;
    for (const path of ["flowchart.mmd", "sequence.mmd"]) {
      const result = await renderer.render(fileOf(design, path));
      const shown = visibleText((result.labels ?? []).join(""));
      for (const component of design.components) expect(shown).toContain(visibleText(component.name));
    }
  });

  it("shows notes with their text, hostile or not, inside their zones; shapes without a caption are left out", async () => {
    const base = (fixtures.find((fixture) => fixture.name === "eks-web-app") as { design: Design }).design;
    const zoneId = base.zones[0].id;
    const texts = [...HOSTILE_FRAGMENTS.slice(0, 6), "Ask ops\nabout backups"];
    const parsed = parseDesign({
      ...base,
      annotations: [
        ...texts.map((text, index) => ({ id: `note-${index}`, kind: index % 2 ? "ellipse" : "note", text, position: { x: 0, y: index * 150 }, size: { width: 200, height: 120 }, ...(index === 0 ? { zoneId } : {}) })),
        { id: "rectangle-9", kind: "rectangle", text: "", position: { x: 0, y: -300 }, size: { width: 200, height: 120 } },
      ],
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    const flowchart = fileOf(parsed.design, "flowchart.mmd");
    expect(flowchart).not.toContain("n_rectangle_9");
    const lines = flowchart.split("\n");
    const zoneStart = lines.findIndex((line) => line.trimStart().startsWith(`subgraph z_${zoneId.replace(/-/g, "_")}`));
    expect(lines.findIndex((line) => line.trimStart().startsWith("n_note_0["))).toBeGreaterThan(zoneStart);
    const result = await renderer.render(flowchart);
    expect(result.error).toBeUndefined();
    const shown = visibleText((result.labels ?? []).join(""));
    for (const text of texts) expect(shown).toContain(visibleText(text));
  });

  it("escapes every character that means something to the parser", async () => {
    for (const fragment of HOSTILE_FRAGMENTS) {
      const escaped = mermaidText(fragment);
      expect(escaped.replace(/<br\/>/g, "").replace(/#\d+;/g, "")).toMatch(/^[A-Za-z0-9 .,_()/?!]*$/);
      const result = await renderer.render(`flowchart LR\n  a["${escaped}"] --> b["x"]\n`);
      expect(result.error).toBeUndefined();
      expect(visibleText((result.labels ?? []).join(""))).toContain(visibleText(fragment));
    }
  });

  it("draws zones as nested subgraphs and data stores as cylinders", () => {
    const flowchart = fileOf((fixtures.find((fixture) => fixture.name === "eks-web-app") as { design: Design }).design, "flowchart.mmd");
    const lines = flowchart.split("\n");
    const indexOf = (prefix: string) => lines.findIndex((line) => line.trimStart().startsWith(prefix));
    expect(indexOf("subgraph z_region")).toBeLessThan(indexOf("subgraph z_vpc"));
    expect(indexOf("subgraph z_vpc")).toBeLessThan(indexOf("subgraph z_az_a"));
    expect(lines[indexOf("c_postgres")]).toMatch(/c_postgres\[\(".*"\)\]/);
    expect(lines[indexOf("c_redis")]).toMatch(/c_redis\[\(".*"\)\]/);
    expect(flowchart).toContain('c_backend -->|"TCP TLS, 45 s"| c_postgres');
    expect(flowchart).toContain('c_alb -->|"HTTPS, 55 s, /api/#42;"| c_backend');
    expect(flowchart).toContain("c_backend -.->");
  });

  it("follows the request from the entry point to the data stores with a cache hit / miss block", () => {
    const sequence = fileOf((fixtures.find((fixture) => fixture.name === "eks-web-app") as { design: Design }).design, "sequence.mmd");
    expect(sequence).toContain("actor c_browser as User browser");
    expect(sequence).toMatch(/c_browser->>c_route53: Resolve shop\.example\.com\n\s+c_route53-->>c_browser:/);
    expect(sequence).toMatch(/c_backend->>c_redis: Check cache[^\n]*\n\s+alt Cache hit\n\s+c_redis-->>c_backend: Cached value\n\s+else Cache miss\n\s+c_backend->>c_postgres:[^\n]*\n\s+c_postgres-->>c_backend: Rows\n\s+c_backend->>c_redis: Store in cache \(TTL 300 s\)\n\s+end/);
  });

  it("still renders an empty design", async () => {
    const result = parseDesign({ schemaVersion: 1, name: "Empty" });
    if (!result.success) throw new Error("invalid");
    for (const file of generate(result.design, "mermaid")) expect((await renderer.render(file.contents)).error).toBeUndefined();
  });
});
