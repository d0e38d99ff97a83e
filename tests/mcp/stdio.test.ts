import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, describe, expect, it } from "vitest";
import { parseDesignJson } from "@/lib/model";
import { ARCHWAY_BIN } from "../helpers/cli";
import { buildFixAndExport } from "./assistant-session";

const folder = mkdtempSync(join(tmpdir(), "archway-mcp-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("archway mcp over stdio, driven by the SDK's own client", () => {
  it("builds a design from nothing, fixes it to zero errors, exports it, and keeps it as a design file", async () => {
    const client = new Client({ name: "archway-test", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [ARCHWAY_BIN, "mcp", "--dir", folder], stderr: "pipe" }));
    try {
      const designId = await buildFixAndExport(client);
      const file = parseDesignJson(readFileSync(join(folder, `${designId}.archway.json`), "utf8"));
      expect(file.success && file.design.components.map((component) => component.name)).toEqual(expect.arrayContaining(["Browsers", "Orders API", "Orders DB"]));
    } finally {
      await client.close();
    }
  }, 120_000);
});
