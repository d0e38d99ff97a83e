import { describe, expect, it } from "vitest";
import { parseDesign } from "@/lib/model";
import { TEMPLATES, findTemplate, templateSummaries } from "@/lib/templates";
import { runCli } from "../helpers/cli";

const run = (...argv: string[]) => runCli(argv, { cwd: process.cwd() });

describe("archway templates", () => {
  it("lists every template with its id, source document and title", async () => {
    const { code, stdout, stderr } = await run("templates", "list");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(TEMPLATES.length);
    TEMPLATES.forEach((template, index) => {
      expect(lines[index].startsWith(`${template.id} `)).toBe(true);
      expect(lines[index]).toContain(template.source.doc ? `seed ${template.source.doc}` : "classic");
      expect(lines[index].endsWith(template.title)).toBe(true);
    });
  });

  it("lists the same summaries as the API with --json", async () => {
    const { code, stdout } = await run("templates", "list", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ templates: templateSummaries() });
  });

  it("prints a template's design document, which parses back to the same design", async () => {
    const { code, stdout } = await run("templates", "show", "api-gateway-ecs");
    expect(code).toBe(0);
    const parsed = parseDesign(JSON.parse(stdout));
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.design).toEqual(findTemplate("api-gateway-ecs")?.design);
  });

  it("names the known templates when the id is unknown", async () => {
    const { code, stdout, stderr } = await run("templates", "show", "no-such-template");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('no template "no-such-template"');
    expect(stderr).toContain("eks-full-stack");
  });

  it("rejects a missing or unknown subcommand and stray arguments with usage and exit code 2", async () => {
    for (const argv of [["templates"], ["templates", "delete"], ["templates", "list", "--yaml"], ["templates", "show"], ["templates", "show", "a", "b"]]) {
      const { code, stderr } = await run(...argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toContain("Usage: archway templates list [--json]");
    }
  });

  it("prints its usage with --help", async () => {
    const { code, stdout } = await run("templates", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("archway templates show ID");
  });
});
