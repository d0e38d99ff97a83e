import { describe, expect, it } from "vitest";
import { MAX_DEPTH } from "../support/depth";
import { ImportError } from "../types";
import { terraformImporter } from "./index";

function refusal(path: string, text: string): ImportError {
  try {
    terraformImporter.read([{ path, text }], {});
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("The input was accepted");
}

describe("Terraform importer refuses hostile input", () => {
  it("names the file and HCL's reason for invalid HCL", () => {
    const error = refusal("main.tf", 'resource "aws_sqs_queue" "jobs" {\n  name = \n}\n');
    expect(error.problems[0].file).toBe("main.tf");
    expect(error.message).toMatch(/^main\.tf: Invalid HCL: .*main\.tf:2/);
  });

  it("names the file and reason for invalid JSON", () => {
    const error = refusal("plan.json", '{"format_version": "1.2", "planned_values": {');
    expect(error.problems[0].file).toBe("plan.json");
    expect(error.message).toContain("Invalid JSON");
  });

  it("refuses documents nested deeper than the limit", () => {
    const deepJson = `{"format_version":"1.2","planned_values":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    expect(refusal("plan.json", deepJson).message).toContain(`Nested more than ${MAX_DEPTH} levels`);
    const deepHcl = `locals {\n  x = ${"[".repeat(MAX_DEPTH + 1)}1${"]".repeat(MAX_DEPTH + 1)}\n}\n`;
    expect(refusal("main.tf", deepHcl).message).toContain(`Nested more than ${MAX_DEPTH} levels`);
  });

  it("refuses input that is not a configuration, and files with nothing to map", () => {
    expect(refusal("main.tf.json", "[1, 2, 3]").message).toContain("expected an object");
    expect(refusal("main.tf", 'resource "aws_iam_role" "only" {\n  name = "x"\n}\n').message).toContain("Nothing in these files maps to a component");
  });
});
