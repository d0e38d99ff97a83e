import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";

const REPO = realpathSync(new URL("../..", import.meta.url));
const FALLBACK_NOTE = "running from source (slower); rebuild with `npm run build:cli`";

// A private copy of the parts the CLI is built from, so editing its sources cannot disturb the tests that run the
// repo's own bundle at the same time. node_modules is shared through a link.
let copy = "";
const bin = () => join(copy, "bin", "archway.mjs");
const build = () => execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: copy, stdio: "pipe" });
const help = () => runCli(["--help"], { cwd: copy, bin: bin() });

beforeAll(() => {
  copy = realpathSync(mkdtempSync(join(tmpdir(), "archway-compiled-cli-")));
  for (const entry of ["bin", "cli", "lib", "templates", "scripts", "package.json", "tsconfig.json"]) cpSync(join(REPO, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(copy, "node_modules"));
  build();
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("the compiled CLI", () => {
  it("runs the bundle, without a note, while it matches its sources", async () => {
    const run = await help();
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Usage: archway <command>");
  });

  it("is used when the build script was started from another folder", async () => {
    execFileSync(process.execPath, [join(copy, "scripts", "build-cli.mjs")], { cwd: tmpdir(), stdio: "pipe" });
    expect(await help()).toMatchObject({ code: 0, stderr: "" });
  });

  it("is not used once a source changes: the edit takes effect through tsx, with a note, until the next build", async () => {
    const mainFile = join(copy, "cli", "main.ts");
    writeFileSync(mainFile, readFileSync(mainFile, "utf8").replace("Usage: archway <command>", "Usage: edited-archway <command>"));
    const stale = await help();
    expect(stale.code).toBe(0);
    expect(stale.stdout).toContain("Usage: edited-archway <command>");
    expect(stale.stderr).toContain(FALLBACK_NOTE);

    build();
    const rebuilt = await help();
    expect(rebuilt).toMatchObject({ code: 0, stderr: "" });
    expect(rebuilt.stdout).toContain("Usage: edited-archway <command>");
  });

  it("is not used when a source it bundled is only touched, or when the bundle is missing", async () => {
    const libFile = join(copy, "lib", "templates", "index.ts");
    const later = new Date(Date.now() + 60_000);
    utimesSync(libFile, later, later);
    expect((await help()).stderr).toContain(FALLBACK_NOTE);

    build();
    expect((await help()).stderr).toBe("");
    rmSync(join(copy, ".cli", "archway.mjs"));
    const missing = await help();
    expect(missing.code).toBe(0);
    expect(missing.stderr).toContain(FALLBACK_NOTE);
  });
});
