import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutputRefused, writeFilesUnder } from "@/cli/safe-write";
import { generate, generateAll } from "@/lib/generators";
import { parseDesign } from "@/lib/model";
import { designArbitrary, HOSTILE_FRAGMENTS } from "../generators/support/designs";
import { runCli } from "../helpers/cli";

const FIXTURE = new URL("../fixtures/designs/ingress-namespace.json", import.meta.url);
const fixtureText = readFileSync(FIXTURE, "utf8");
const parsed = parseDesign(JSON.parse(fixtureText));
if (!parsed.success) throw new Error("fixture is invalid");
const design = parsed.design;
const mermaid = generate(design, "mermaid");
const BIN = new URL("../../bin/archway.mjs", import.meta.url).pathname;

let directory: string;
beforeAll(() => {
  directory = realpathSync(mkdtempSync(join(tmpdir(), "archway-safe-write-")));
  writeFileSync(join(directory, "design.json"), fixtureText);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(argv, { cwd: directory });

/** A fresh folder for one test, so each starts from a known tree. */
function scratch(name: string): string {
  const path = join(directory, name);
  mkdirSync(path);
  return path;
}

/** Every entry under a folder, relative to it, sorted: files, folders and links alike. */
function entries(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** The regular files under a folder, relative to it, sorted. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** The bin script as a person runs it; the timeout only guards against a hang or a spin, it is not a measurement. */
function runBin(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: directory, encoding: "utf8", timeout: 20_000 });
}

/** Refused as a person should see it: exit 2, one line on standard error, no stack trace, not killed by the guard. */
function expectRefusal(result: SpawnSyncReturns<string>, line: string): void {
  expect(result.signal).toBeNull();
  expect([result.status, result.stderr]).toEqual([2, `${line}\n`]);
}

describe("never through a symbolic link", () => {
  it("generate refuses a link to a file outside --out and leaves that file untouched", async () => {
    const base = scratch("file-link");
    const outside = join(base, "outside.txt");
    writeFileSync(outside, "keep me");
    mkdirSync(join(base, "out"));
    symlinkSync(outside, join(base, "out", "flowchart.mmd"));
    const result = await run(["generate", "design.json", "--target", "mermaid", "--out", "file-link/out"]);
    expect([result.code, result.stderr]).toEqual([2, `archway generate: refusing to write through the symbolic link ${join(base, "out", "flowchart.mmd")}\n`]);
    expect(readFileSync(outside, "utf8")).toBe("keep me");
    expect(entries(join(base, "out"))).toEqual(["flowchart.mmd"]);
  });

  it("export refuses a zip path that is a link and leaves its target untouched", async () => {
    const base = scratch("zip-link");
    const outside = join(base, "outside.zip");
    writeFileSync(outside, "keep me");
    symlinkSync(outside, join(base, "repo.zip"));
    const result = await run(["export", "design.json", "--out", "zip-link/repo.zip"]);
    expect([result.code, result.stderr]).toEqual([2, `archway export: refusing to write through the symbolic link ${join(base, "repo.zip")}\n`]);
    expect(readFileSync(outside, "utf8")).toBe("keep me");
    expect(entries(base)).toEqual(["outside.zip", "repo.zip"]);
  });

  it("generate refuses a linked folder inside --out, and an --out that is itself a link", async () => {
    const base = scratch("folder-link");
    const outside = scratch("folder-link-outside");
    mkdirSync(join(base, "out"));
    symlinkSync(outside, join(base, "out", "mermaid"));
    const inside = await run(["generate", "design.json", "--out", "folder-link/out"]);
    expect([inside.code, inside.stderr]).toEqual([2, `archway generate: refusing to write through the symbolic link ${join(base, "out", "mermaid")}\n`]);
    symlinkSync(outside, join(base, "linked-out"));
    const root = await run(["generate", "design.json", "--target", "mermaid", "--out", "folder-link/linked-out"]);
    expect([root.code, root.stderr]).toEqual([2, `archway generate: refusing to write through the symbolic link ${join(base, "linked-out")}\n`]);
    expect(entries(outside)).toEqual([]);
  });

  it("replaces a file hard-linked to one outside --out instead of writing into it", async () => {
    const base = scratch("hard-link");
    const outside = join(base, "outside.txt");
    writeFileSync(outside, "keep me");
    mkdirSync(join(base, "out"));
    linkSync(outside, join(base, "out", "flowchart.mmd"));
    const result = await run(["generate", "design.json", "--target", "mermaid", "--out", "hard-link/out"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(readFileSync(outside, "utf8")).toBe("keep me");
    expect(readFileSync(join(base, "out", "flowchart.mmd"), "utf8")).toBe(mermaid[0].contents);
    expect(entries(join(base, "out"))).toEqual(["flowchart.mmd", "sequence.mmd"]);
  });

  it("takes the folders above --out as given, links included", async () => {
    const base = scratch("above");
    const real = scratch("above-real");
    symlinkSync(real, join(base, "via"));
    const result = await run(["generate", "design.json", "--target", "mermaid", "--out", "above/via/new/out"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const zip = await run(["export", "design.json", "--out", "above/via/repo.zip"]);
    expect([zip.code, zip.stderr]).toEqual([0, ""]);
    expect(entries(real)).toEqual(["new", "new/out", "new/out/flowchart.mmd", "new/out/sequence.mmd", "repo.zip"]);
  });
});

describe("special files and places that cannot be written: one line, exit 2, promptly", () => {
  it("refuses a FIFO as --out for generate and export, without blocking on it", () => {
    const fifo = join(scratch("fifo"), "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expectRefusal(runBin(["export", "design.json", "--out", fifo]), `archway export: refusing to replace ${fifo}: it is a named pipe (FIFO), not a file`);
    expectRefusal(runBin(["generate", "design.json", "--out", fifo]), `archway generate: refusing to use ${fifo}: it is a named pipe (FIFO), not a folder`);
  });

  it("refuses /proc and /sys paths instead of spinning", () => {
    expectRefusal(runBin(["generate", "design.json", "--out", "/proc/archway-x"]), "archway generate: refusing to write into /proc/archway-x: /proc is on /proc, a kernel file system, not a disk");
    expectRefusal(
      runBin(["export", "design.json", "--out", "/proc/sys/kernel/hostname"]),
      "archway export: refusing to write into /proc/sys/kernel: /proc/sys/kernel is on /proc, a kernel file system, not a disk",
    );
  });

  it("refuses a kernel file system mounted inside the output folder", async () => {
    // The root folder holds the /proc mount point; the path is refused whichever check catches it, so nothing is written.
    const written = await writeFilesUnder("/", [{ path: "proc/archway-x/file.txt", contents: "x" }]).catch((error) => error);
    expect(written).toEqual(new OutputRefused("refusing to write into /proc: /proc is on /proc, a kernel file system, not a disk"));
  });

  it("refuses /dev/null and /sys as places to write", async () => {
    expectRefusal(runBin(["export", "design.json", "--out", "/dev/null"]), "archway export: refusing to replace /dev/null: it is a device, not a file");
    const generated = await run(["generate", "design.json", "--out", "/dev/null"]);
    expect([generated.code, generated.stderr]).toEqual([2, "archway generate: refusing to use /dev/null: it is a device, not a folder\n"]);
    const sys = await run(["generate", "design.json", "--out", "/sys/archway-x"]);
    expect([sys.code, sys.stderr]).toEqual([2, "archway generate: refusing to write into /sys/archway-x: /sys is on /sys, a kernel file system, not a disk\n"]);
  });

  it("refuses a file where a folder is expected, for --out and inside it", async () => {
    const base = scratch("not-a-folder");
    writeFileSync(join(base, "file"), "keep me");
    const below = await run(["generate", "design.json", "--out", "not-a-folder/file/out"]);
    expect([below.code, below.stderr]).toEqual([2, `archway generate: refusing to use ${join(base, "file")}: it is a file, not a folder\n`]);
    const zip = await run(["export", "design.json", "--out", "not-a-folder/file/repo.zip"]);
    expect([zip.code, zip.stderr]).toEqual([2, `archway export: refusing to use ${join(base, "file")}: it is a file, not a folder\n`]);
    mkdirSync(join(base, "out"));
    writeFileSync(join(base, "out", "mermaid"), "keep me");
    const inside = await run(["generate", "design.json", "--out", "not-a-folder/out"]);
    expect([inside.code, inside.stderr]).toEqual([2, `archway generate: refusing to use ${join(base, "out", "mermaid")}: it is a file, not a folder\n`]);
    expect(readFileSync(join(base, "out", "mermaid"), "utf8")).toBe("keep me");
  });

  // Root ignores file modes, so an unwritable folder is a read-only bind mount in a private mount namespace.
  const readOnlyMounts = spawnSync("unshare", ["-m", "sh", "-c", 'mount --bind -o ro "$0" "$0"', tmpdir()]).status === 0;
  it.runIf(readOnlyMounts)("refuses a read-only folder with the reason", () => {
    const folder = scratch("read-only");
    const inNamespace = (args: string[]) =>
      spawnSync("unshare", ["-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', folder, process.execPath, BIN, ...args], { cwd: directory, encoding: "utf8", timeout: 20_000 });
    expectRefusal(inNamespace(["generate", "design.json", "--out", join(folder, "out")]), `archway generate: cannot create the folder ${join(folder, "out")}: read-only file system`);
    expectRefusal(inNamespace(["export", "design.json", "--out", join(folder, "repo.zip")]), `archway export: cannot create a file in ${folder}: read-only file system`);
    expect(entries(folder)).toEqual([]);
  });
});

describe("hostile names and paths stay inside --out", () => {
  it("writes exactly the generated files for designs with hostile names, nothing beside --out", async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(designArbitrary({ maxComponents: 6 }), async (drawn) => {
        const base = scratch(`hostile-${(index += 1)}`);
        writeFileSync(join(base, "design.json"), JSON.stringify(drawn));
        const result = await run(["generate", relative(directory, join(base, "design.json")), "--out", relative(directory, join(base, "out"))]);
        expect([result.code, result.stderr]).toEqual([0, ""]);
        expect(filesUnder(join(base, "out"))).toEqual(generateAll(drawn).map((file) => file.path).sort());
        expect(readdirSync(base).sort()).toEqual(["design.json", "out"]);
      }),
      { numRuns: 15 },
    );
  });

  it("either writes a path inside the root or refuses it, whatever the path", async () => {
    const segment = fc.oneof(fc.constantFrom("..", ".", "", "~", "a", "C:", "%2e%2e", "\0", ...HOSTILE_FRAGMENTS), fc.string({ maxLength: 4 }));
    let index = 0;
    const outcomes = { written: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), async (segments) => {
        const base = scratch(`paths-${(index += 1)}`);
        const path = segments.join("/");
        const outcome = await writeFilesUnder(join(base, "root"), [{ path, contents: "x" }]).then(
          () => "written",
          (error) => error,
        );
        if (outcome === "written") {
          outcomes.written += 1;
          expect(filesUnder(join(base, "root"))).toEqual([join(...segments)]);
          expect(readFileSync(join(base, "root", path), "utf8")).toBe("x");
        } else {
          outcomes.refused += 1;
          expect(outcome).toBeInstanceOf(OutputRefused);
          expect(filesUnder(base)).toEqual([]);
        }
        expect(readdirSync(base).filter((entry) => entry !== "root")).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(outcomes.written).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
