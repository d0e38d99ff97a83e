import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { TEMPLATES } from "@/lib/templates";
import { createPackageChecker } from "../helpers/typescript-compiler";
import { checkKubernetes } from "./support/kubernetes-schema";
import { startMermaidRenderer, type MermaidRenderer } from "./support/mermaid-renderer";
import { checkTerraform } from "./support/terraform-schema";

/**
 * Issue 6: every gallery template goes through the same real-tool checks as the generator fixtures, so a
 * person who opens one can generate from it straight away.
 */
const templateIds = TEMPLATES.map((template) => template.id);
const designOf = (id: string) => TEMPLATES.find((template) => template.id === id)!.design;
const typeErrors = createPackageChecker(fileURLToPath(new URL("../..", import.meta.url)));
let renderer: MermaidRenderer;

beforeAll(async () => {
  renderer = await startMermaidRenderer();
});

afterAll(async () => {
  await renderer?.close();
});

describe.each(templateIds)("template %s", (id) => {
  it("renders both Mermaid diagrams with mermaid in Chromium", async () => {
    for (const file of generate(designOf(id), "mermaid")) {
      const result = await renderer.render(file.contents);
      expect(result.error, file.path).toBeUndefined();
      expect(result.svg).toMatch(/^<svg[\s>]/);
    }
  });

  it("gives Terraform that HashiCorp's parser reads and the AWS provider schema accepts", async () => {
    expect((await checkTerraform(generate(designOf(id), "terraform"))).problems).toEqual([]);
  });

  it("gives Kubernetes manifests that pass the strict 1.36 schemas", () => {
    const files = generate(designOf(id), "kubernetes");
    const { documents, problems } = checkKubernetes(files);
    expect(problems).toEqual([]);
    expect(documents.length).toBeGreaterThan(0);
  });

  it("gives TypeScript services that type-check", () => {
    const files = generate(designOf(id), "typescript");
    const hasWorkloads = designOf(id).components.some((component) => component.kind === "service" || component.kind === "worker");
    expect(files.length > 0).toBe(hasWorkloads);
    expect(typeErrors(files)).toEqual([]);
  });
});
