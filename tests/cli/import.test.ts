import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDesignJson } from "@/lib/model";
import { runCli } from "../helpers/cli";

const COMPOSE_FIXTURE = new URL("../fixtures/import/compose-shop", import.meta.url);

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-import-"));
  cpSync(COMPOSE_FIXTURE, join(directory, "shop"), { recursive: true });
  mkdirSync(join(directory, "shop", "node_modules", "x"), { recursive: true });
  writeFileSync(join(directory, "shop", "node_modules", "x", "compose.yml"), "services:\n  ghost:\n    image: nginx\n");
  writeFileSync(join(directory, "shop.zip"), zipSync({ "shop/docker-compose.yml": strToU8(readFileSync(new URL("docker-compose.yml", `${COMPOSE_FIXTURE.href}/`), "utf8")) }));
  writeFileSync(join(directory, "evil.zip"), zipSync({ "../escape.yml": strToU8("services: {}") }));
  writeFileSync(join(directory, "notes.txt.yml"), "just: text\n");
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(argv, { cwd: directory });

describe("archway import", () => {
  it("reads a folder, prints the design in canonical form and lists what it did not map", async () => {
    const { code, stdout, stderr } = await run(["import", "shop", "--name", "Shop"]);
    expect(code).toBe(0);
    const parsed = parseDesignJson(stdout);
    expect(parsed.success && parsed.design.components.map((component) => component.name)).toEqual(["proxy", "api", "order-worker", "db", "cache", "Users"]);
    expect(stderr).toContain("Imported compose: 6 components");
    expect(stderr).toMatch(/docker-compose\.yml:45: volumes: Compose volumes have no counterpart in a design/);
    expect(stdout).not.toContain("ghost");
  });

  it("reads a zip, writes --out, and answers --json like the API", async () => {
    const written = await run(["import", "shop.zip", "--out", "shop.json"]);
    expect(written.code).toBe(0);
    expect(parseDesignJson(readFileSync(join(directory, "shop.json"), "utf8")).success).toBe(true);
    const json = JSON.parse((await run(["import", "shop.zip", "--json"])).stdout);
    expect(json.format).toBe("compose");
    expect(json.unmapped.length).toBeGreaterThan(0);
  });

  it("exits 2 with the reason when nothing can be read or the zip is hostile", async () => {
    const unknown = await run(["import", "notes.txt.yml"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("archway import: These files are not in a format Archway imports");
    const evil = await run(["import", "evil.zip"]);
    expect([evil.code, evil.stderr]).toEqual([2, expect.stringContaining("holds an entry outside the archive")]);
    const missing = await run(["import", "nowhere"]);
    expect(missing.stderr).toContain("cannot read nowhere");
    const forced = await run(["import", "shop", "--from", "mermaid"]);
    expect([forced.code, forced.stderr]).toEqual([2, expect.stringContaining("No Mermaid flowchart")]);
  });
});
