import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, generateAll } from "@/lib/generators";
import { isSafeRelativePath } from "@/lib/generators/naming";
import type { Design } from "@/lib/model";
import { designArbitrary, MARKER } from "./support/designs";
import { checkKubernetes } from "./support/kubernetes-schema";
import { startMermaidRenderer, type MermaidRenderer } from "./support/mermaid-renderer";
import { checkTerraform, expressions, literals } from "./support/terraform-schema";

/** Whether an HCL string body would start an interpolation or directive: `${` or `%{` not doubled. */
function hasUnescapedTemplate(body: string): boolean {
  for (let index = 0; index < body.length; index += 1) {
    if (body.startsWith("$${", index) || body.startsWith("%%{", index)) index += 2;
    else if (body.startsWith("${", index) || body.startsWith("%{", index)) return true;
  }
  return false;
}

const QUOTED = /"(?:[^"\\]|\\.)*"/g;
/** Identifier and name tokens: names reach code only as slugs made of these characters (lib/generators/component-names.ts). */
const SLUG_TOKEN = /[A-Za-z0-9_-]+/g;

/** Every key of every object inside a value: where an injection into YAML would show up. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...keysOf(item)]);
}

function visibleText(text: string): string {
  return text.replace(/[\s\p{Cc}\p{Cf}\u2028\u2029]/gu, "");
}

let renderer: MermaidRenderer;

beforeAll(async () => {
  renderer = await startMermaidRenderer();
});

afterAll(async () => {
  await renderer?.close();
});

describe("generators over random designs with hostile names", () => {
  it("Terraform stays valid for the provider schema and names reach code only as slugs", async () => {
    await fc.assert(
      fc.asyncProperty(designArbitrary(), async (design: Design) => {
        const { files, problems } = await checkTerraform(generate(design, "terraform"));
        expect(problems).toEqual([]);
        for (const document of files.values()) {
          for (const literal of literals(document)) expect(hasUnescapedTemplate(literal), literal).toBe(false);
          for (const expression of expressions(document)) {
            for (const quoted of expression.match(QUOTED) ?? []) expect(hasUnescapedTemplate(quoted.slice(1, -1)), quoted).toBe(false);
            const code = expression.replace(QUOTED, '""');
            // A name's slug may be a resource label ("pwn" → aws_sqs_queue.pwn), never anything that changes the syntax around it.
            expect(code.replace(SLUG_TOKEN, (token) => (token.includes(MARKER) ? "slug" : token))).not.toContain(MARKER);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it("Kubernetes documents validate strictly and carry names only as data", () => {
    fc.assert(
      fc.property(designArbitrary(), (design: Design) => {
        const { documents, problems } = checkKubernetes(generate(design, "kubernetes"));
        expect(problems).toEqual([]);
        const names = new Map(design.components.map((component) => [component.id, component.name]));
        for (const { object } of documents) {
          const metadata = object.metadata as { name: string; annotations?: Record<string, string> };
          expect(metadata.name).toMatch(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
          const id = metadata.annotations?.["archway.dev/component-id"];
          if (id !== undefined) expect(metadata.annotations?.["archway.dev/display-name"]).toBe(names.get(id));
          expect(keysOf(object).filter((key) => key.includes(MARKER))).toEqual([]);
          if (object.kind === "Deployment") {
            const workload = design.components.find((component) => component.id === id);
            const container = (object as { spec: { template: { spec: { containers: { livenessProbe: { httpGet: { path: string } } }[] } } } }).spec.template.spec.containers[0];
            if (workload?.kind === "service" || workload?.kind === "worker") expect(container.livenessProbe.httpGet.path).toBe(workload.config.probes.livenessPath);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("Mermaid diagrams render in Chromium and show each name as text", async () => {
    await fc.assert(
      fc.asyncProperty(designArbitrary({ maxComponents: 8 }), async (design: Design) => {
        for (const file of generate(design, "mermaid")) {
          const result = await renderer.render(file.contents);
          expect(result.error).toBeUndefined();
          expect(result.svg).toMatch(/^<svg[\s>]/);
          if (file.path === "flowchart.mmd") {
            const shown = visibleText((result.labels ?? []).join(""));
            for (const component of design.components) expect(shown).toContain(visibleText(component.name));
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("keeps every path inside its target folder and gives byte-identical output for the same design", () => {
    fc.assert(
      fc.property(designArbitrary(), (design: Design) => {
        const files = generateAll(design);
        for (const file of files) {
          expect(isSafeRelativePath(file.path)).toBe(true);
          expect(file.path.split("/")).not.toContain("..");
          expect(file.path.startsWith("/")).toBe(false);
          expect(["mermaid", "terraform", "kubernetes", "typescript"]).toContain(file.path.split("/")[0]);
        }
        expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
        expect(generateAll(structuredClone(design))).toEqual(files);
      }),
      { numRuns: 40 },
    );
  });
});
