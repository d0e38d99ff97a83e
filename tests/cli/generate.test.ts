import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFilesUnder } from "@/cli/safe-write";
import { generate, generateAll } from "@/lib/generators";
import { parseDesign } from "@/lib/model";
import { projectSlug } from "@/lib/generators/naming";
import { designPicture } from "@/lib/generators/picture/svg";
import { darkPixels, decodePng } from "../helpers/png";
import { runCli } from "../helpers/cli";

const FIXTURE = new URL("../fixtures/designs/ingress-namespace.json", import.meta.url);
const fixtureText = readFileSync(FIXTURE, "utf8");
const parsed = parseDesign(JSON.parse(fixtureText));
if (!parsed.success) throw new Error("fixture is invalid");
const design = parsed.design;

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-generate-"));
  writeFileSync(join(directory, "design.json"), fixtureText);
  writeFileSync(join(directory, "invalid.json"), JSON.stringify({ schemaVersion: 1, name: "" }));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], stdin = "") => runCli(argv, { cwd: directory, stdin });

/** Every file under a folder, relative to it, sorted. */
function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

describe("archway generate", () => {
  it("writes one target's files straight into --out, byte for byte", async () => {
    const { code, stdout, stderr } = await run(["generate", "design.json", "--target", "terraform", "--out", "infra"]);
    expect([code, stderr]).toEqual([0, ""]);
    const expected = generate(design, "terraform");
    expect(stdout).toBe(`Wrote ${expected.length} files to infra\n`);
    expect(listFiles(join(directory, "infra"))).toEqual(expected.map((file) => file.path).sort());
    for (const file of expected) expect(readFileSync(join(directory, "infra", file.path), "utf8")).toBe(file.contents);
  });

  it("writes every target into its own folder with --target all, reading the design from stdin", async () => {
    const { code } = await run(["generate", "-", "--target=all", "--out=everything"], fixtureText);
    expect(code).toBe(0);
    expect(listFiles(join(directory, "everything"))).toEqual(generateAll(design).map((file) => file.path).sort());
    expect(existsSync(join(directory, "everything", "mermaid", "flowchart.mmd"))).toBe(true);
    expect(existsSync(join(directory, "everything", "kubernetes", "production", "namespace.yaml"))).toBe(true);
  });

  it("draws the design with --target svg and --target png, named after the design", async () => {
    const svg = await run(["generate", "design.json", "--target", "svg", "--out", "picture"]);
    expect([svg.code, svg.stderr, svg.stdout]).toEqual([0, "", "Wrote 1 file to picture\n"]);
    const [expected] = generate(design, "svg");
    expect(expected.path).toBe(`${projectSlug(design.name)}.svg`);
    expect(readFileSync(join(directory, "picture", expected.path), "utf8")).toBe(expected.contents);
    const png = await run(["generate", "-", "--target=png", "--out=picture"], fixtureText);
    expect([png.code, png.stderr]).toEqual([0, ""]);
    const image = decodePng(readFileSync(join(directory, "picture", `${projectSlug(design.name)}.png`)));
    const picture = designPicture(design);
    expect([image.width, image.height]).toEqual([2 * picture.width, 2 * picture.height]);
    expect(darkPixels(image, 0, 0, image.width, image.height)).toBeGreaterThan(1000);
  });

  it("exits 2 with a message for an unknown target, bad options or an invalid design", async () => {
    const unknown = await run(["generate", "design.json", "--target", "helm", "--out", "x"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown target "helm"');
    expect(unknown.stderr).toContain("mermaid, terraform, kubernetes, typescript, svg, png, all");
    expect((await run(["generate", "design.json", "--target"])).code).toBe(2);
    expect((await run(["generate", "design.json", "--force"])).stderr).toContain('unknown option "--force"');
    expect((await run(["generate"])).code).toBe(2);
    const invalid = await run(["generate", "invalid.json", "--out", "x"]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("invalid.json is not a valid design");
    expect((await run(["generate", "missing.json", "--out", "x"])).stderr).toContain("cannot read missing.json");
    expect(existsSync(join(directory, "x"))).toBe(false);
  });

  it("refuses paths that leave the output folder, also through a symbolic link", async () => {
    const root = join(directory, "guarded");
    for (const path of ["../escape.txt", "/tmp/escape.txt", "a/../../escape.txt"]) {
      await expect(writeFilesUnder(root, [{ path, contents: "x" }, { path: "first.txt", contents: "x" }])).rejects.toThrow(`refusing to write outside ${root}`);
    }
    expect(existsSync(root)).toBe(false);
    mkdirSync(root);
    const outside = join(directory, "outside");
    mkdirSync(outside);
    symlinkSync(outside, join(root, "linked"));
    await expect(writeFilesUnder(root, [{ path: "linked/file.txt", contents: "x" }])).rejects.toThrow(`refusing to write through the symbolic link ${join(root, "linked")}`);
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(directory, "escape.txt"))).toBe(false);
    await writeFilesUnder(root, [{ path: "..ok/fine.txt", contents: "fine" }]);
    expect(readFileSync(join(root, "..ok", "fine.txt"), "utf8")).toBe("fine");
  });

  it("runs as `archway generate` through the bin script", () => {
    const bin = new URL("../../bin/archway.mjs", import.meta.url).pathname;
    const args = [bin, "generate", join(directory, "design.json"), "--target", "mermaid", "--out", join(directory, "diagrams")];
    const result = spawnSync(process.execPath, args, { encoding: "utf8" });
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(directory, "diagrams", "sequence.mmd"), "utf8")).toBe(generate(design, "mermaid")[1].contents);
  });
});
