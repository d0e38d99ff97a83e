import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalDesignText, parseDesignJson } from "@/lib/model";
import { findTemplate } from "@/lib/templates";
import { runCli } from "../helpers/cli";

const design = findTemplate("three-tier-web-app")!.design;
const canonical = canonicalDesignText(design);
/** The same design as a person might have saved it: every default written out, on one line. */
const expanded = JSON.stringify(design);

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-fmt-"));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], stdin = "") => runCli(argv, { cwd: directory, stdin });

describe("archway fmt", () => {
  it("rewrites files in canonical form without changing the design, and leaves canonical ones alone", async () => {
    writeFileSync(join(directory, "a.json"), expanded);
    writeFileSync(join(directory, "b.json"), canonical);
    const { code, stderr } = await run(["fmt", "a.json", "b.json"]);
    expect([code, stderr]).toEqual([0, "formatted a.json\n"]);
    const text = readFileSync(join(directory, "a.json"), "utf8");
    expect(text).toBe(canonical);
    expect(parseDesignJson(text)).toEqual({ success: true, design });
  });

  it("--check lists the files that are not canonical and exits 1, writing nothing", async () => {
    writeFileSync(join(directory, "c.json"), expanded);
    writeFileSync(join(directory, "d.json"), canonical);
    const { code, stdout } = await run(["fmt", "--check", "c.json", "d.json"]);
    expect([code, stdout]).toEqual([1, "c.json is not in canonical form\n"]);
    expect(readFileSync(join(directory, "c.json"), "utf8")).toBe(expanded);
    expect((await run(["fmt", "--check", "d.json"])).code).toBe(0);
  });

  it("formats standard input to standard output", async () => {
    const { code, stdout } = await run(["fmt", "-"], expanded);
    expect([code, stdout]).toEqual([0, canonical]);
  });

  it("exits 2 for an invalid design or a file it must not write through", async () => {
    writeFileSync(join(directory, "bad.json"), JSON.stringify({ schemaVersion: 1, name: "" }));
    const bad = await run(["fmt", "bad.json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("archway fmt: bad.json is not a valid design");
    writeFileSync(join(directory, "target.json"), expanded);
    symlinkSync(join(directory, "target.json"), join(directory, "link.json"));
    const link = await run(["fmt", "link.json"]);
    expect(link.code).toBe(2);
    expect(readFileSync(join(directory, "target.json"), "utf8")).toBe(expanded);
  });
});
