import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { readJsonBody } from "@/lib/http/api";
import { parseDesign } from "@/lib/model";
import { runCli } from "../helpers/cli";

const FIXTURE = new URL("../fixtures/designs/ingress-namespace.json", import.meta.url);
const fixtureText = readFileSync(FIXTURE, "utf8");
const parsed = parseDesign(JSON.parse(fixtureText));
if (!parsed.success) throw new Error("fixture is invalid");
const mermaid = generate(parsed.design, "mermaid");
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const withBom = Buffer.concat([BOM, Buffer.from(fixtureText)]);
const BIN = new URL("../../bin/archway.mjs", import.meta.url).pathname;

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "archway-input-"));
  writeFileSync(join(directory, "design.json"), fixtureText);
  writeFileSync(join(directory, "bom.json"), withBom);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (argv: string[], stdin: string | Uint8Array = "") => runCli(argv, { cwd: directory, stdin });

describe("input with a UTF-8 byte order mark, as the API takes it", () => {
  it("reads a BOM file and BOM standard input as the same design", async () => {
    const plain = await run(["validate", "design.json", "--json"]);
    expect(await run(["validate", "bom.json", "--json"])).toEqual(plain);
    expect(await run(["validate", "-", "--json"], withBom)).toEqual(plain);
    const piped = spawnSync(process.execPath, [BIN, "generate", "-", "--target", "mermaid", "--out", "bom-out"], { cwd: directory, encoding: "utf8", input: withBom });
    expect([piped.status, piped.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(directory, "bom-out", "flowchart.mmd"), "utf8")).toBe(mermaid[0].contents);
    const api = await readJsonBody(new Request("http://localhost/api/validate", { method: "POST", headers: { "content-type": "application/json" }, body: withBom }));
    expect(api).toEqual(JSON.parse(fixtureText));
  });

  it("refuses bytes that are not UTF-8 instead of replacing them", async () => {
    const result = await run(["validate", "-"], Buffer.concat([Buffer.from('{"schemaVersion":1,"name":"'), Uint8Array.of(0xff), Buffer.from('"}')]));
    expect([result.code, result.stderr]).toEqual([2, "archway validate: standard input is not UTF-8 text\n  (document): A design document must be UTF-8 encoded JSON\n"]);
  });

  it("stops reading an endless input at the bound instead of filling memory", async () => {
    const result = await run(["validate", "/dev/zero"]);
    expect([result.code, result.stderr]).toEqual([2, "archway validate: cannot read /dev/zero\n  (document): it is larger than 64 MB\n"]);
  });
});
