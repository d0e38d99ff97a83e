import { describe, expect, it } from "vitest";
import { ImportError, importFiles } from "../index";
import { kubernetesImporter } from "./index";
import { MAX_DEPTH } from "../support/depth";
import { MAX_ALIASES } from "./parse";

function refusal(text: string, path = "bad.yaml"): ImportError {
  try {
    kubernetesImporter.read([{ path, text }], {});
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("The input was accepted");
}

const DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n";

describe("Kubernetes importer refuses hostile input", () => {
  it("names the file and line of invalid YAML", () => {
    const error = refusal(`${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nmetadata: {name: [unclosed\n`);
    expect(error.problems[0]).toMatchObject({ file: "bad.yaml", line: expect.any(Number) });
    expect(error.problems[0].line).toBeGreaterThanOrEqual(12);
    expect(error.message).toMatch(/^bad\.yaml:\d+: Invalid YAML/);
  });

  it("refuses a YAML alias bomb before it expands", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      levels.push(`${current}: &${current} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const error = refusal(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  ${levels.join("\n  ")}\n`);
    expect(error.message).toContain(`aliases expand past ${MAX_ALIASES}`);
  });

  it("refuses documents nested deeper than the limit, in flow or block style", () => {
    expect(refusal(`apiVersion: v1\nkind: ConfigMap\ndata: ${"[".repeat(100_000)}`).message).toContain(`Nested more than ${MAX_DEPTH} levels`);
    const block = Array.from({ length: MAX_DEPTH + 5 }, (_, depth) => `${"  ".repeat(depth)}k${depth}:`).join("\n");
    expect(refusal(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n${block.replace(/^/gm, "  ")} x\n`).message).toContain(`Nested more than ${MAX_DEPTH} levels`);
  });

  it("refuses a document that is not an object, and files with nothing to map", () => {
    expect(refusal("- just\n- a list\n").message).toContain("not a Kubernetes object");
    expect(refusal("apiVersion: v1\nkind: Secret\nmetadata:\n  name: only-a-secret\n").message).toContain("Nothing in these files maps to a component");
  });

  it("changes nothing when refused through the registry", () => {
    expect(() => importFiles([{ path: "bad.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata: {name: [\n" }], { from: "kubernetes" })).toThrow(ImportError);
  });
});
