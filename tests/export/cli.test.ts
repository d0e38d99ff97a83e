import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starterRepoZipFiles } from "@/lib/generators/starter-repo";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { toZip } from "@/lib/generators/to-zip";
import { EXPORT_DESIGN, EXPORT_DESIGN_INPUT } from "./support/export-design";
import { runCli } from "../helpers/cli";

const designText = JSON.stringify(EXPORT_DESIGN_INPUT);
const expectedZip = toZip(starterRepoZipFiles(EXPORT_DESIGN, { archwayVersion: ARCHWAY_VERSION }));

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-export-cli-"));
  writeFileSync(join(directory, "design.json"), designText);
  writeFileSync(join(directory, "invalid.json"), JSON.stringify({ schemaVersion: 1, name: "" }));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], stdin = "") => runCli(argv, { cwd: directory, stdin });

describe("archway export", () => {
  it("writes the starter repository zip to --out, the same bytes the API serves", async () => {
    const { code, stdout, stderr } = await run(["export", "design.json", "--out", "out/repo.zip"]);
    expect([code, stderr]).toEqual([0, ""]);
    const written = readFileSync(join(directory, "out", "repo.zip"));
    expect(written.equals(Buffer.from(expectedZip))).toBe(true);
    expect(Object.keys(unzipSync(written)).every((path) => path.startsWith("export-proof/"))).toBe(true);
    expect(stdout).toBe(`Wrote ${Object.keys(unzipSync(expectedZip)).length} files (${expectedZip.byteLength} bytes) to out/repo.zip\n`);
  });

  it("reads the design from standard input and defaults to repo.zip", async () => {
    const { code } = await run(["export", "-"], designText);
    expect(code).toBe(0);
    expect(readFileSync(join(directory, "repo.zip")).equals(Buffer.from(expectedZip))).toBe(true);
  });

  it("exits 2 with a message for bad options or an invalid design, writing nothing", async () => {
    expect((await run(["export", "design.json", "--out"])).stderr).toContain("--out needs a value");
    expect((await run(["export", "design.json", "--force"])).stderr).toContain('unknown option "--force"');
    expect((await run(["export"])).code).toBe(2);
    const invalid = await run(["export", "invalid.json", "--out", "bad.zip"]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("invalid.json is not a valid design");
    expect((await run(["export", "missing.json", "--out", "bad.zip"])).stderr).toContain("cannot read missing.json");
    expect(existsSync(join(directory, "bad.zip"))).toBe(false);
  });

  it("runs as `archway export` through the bin script", () => {
    const bin = new URL("../../bin/archway.mjs", import.meta.url).pathname;
    const out = join(directory, "bin.zip");
    const result = spawnSync(process.execPath, [bin, "export", join(directory, "design.json"), "--out", out], { encoding: "utf8" });
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(readFileSync(out).equals(Buffer.from(expectedZip))).toBe(true);
  });
});
