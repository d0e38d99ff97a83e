import { mkdir, readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { directEngine, memoryStore, type DesignFiles } from "@/lib/mcp/direct";
import { createArchwayMcpServer } from "@/lib/mcp/server";
import { OutputRefused, writeOutputFile } from "../safe-write";
import type { CliCommand } from "../types";

const USAGE = [
  "Usage: archway mcp [--dir FOLDER]",
  "",
  "Serves Archway to an AI assistant over the Model Context Protocol on standard input and output: tools to list",
  "templates, create designs, add, change and connect components, validate, apply fixes, simulate and run drills,",
  "generate outputs and export the starter repo; designs and findings as resources.",
  "",
  "  --dir FOLDER   Keep designs as FOLDER/<id>.archway.json (read at start, written on every change);",
  "                 without it they live for the session only.",
].join("\n");

function folderFiles(folder: string): DesignFiles {
  return {
    read: async () => {
      await mkdir(folder, { recursive: true });
      const names = (await readdir(folder)).filter((name) => name.endsWith(".archway.json")).sort();
      return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(folder, name), "utf8") })));
    },
    write: (name, text) => writeOutputFile(join(folder, name), text),
  };
}

export const mcpCommand: CliCommand = {
  name: "mcp",
  summary: "Serve Archway's tools to an AI assistant over the Model Context Protocol (stdio)",
  usage: USAGE,
  async run(args, io) {
    const dirIndex = args.indexOf("--dir");
    const unexpected = args.filter((arg, index) => index !== dirIndex && index !== dirIndex + 1);
    if (unexpected.length > 0 || (dirIndex !== -1 && !args[dirIndex + 1])) {
      io.stderr(`archway mcp: ${unexpected.length > 0 ? `unexpected "${unexpected[0]}"` : "--dir needs a folder"}\n\n${USAGE}\n`);
      return 2;
    }
    try {
      const store = await memoryStore(dirIndex === -1 ? undefined : folderFiles(resolve(io.cwd, args[dirIndex + 1])));
      const server = createArchwayMcpServer({ store, engine: directEngine(ARCHWAY_VERSION), version: ARCHWAY_VERSION });
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((done) => (transport.onclose = done));
      await server.connect(transport);
      process.stdin.on("end", () => void server.close());
      await closed;
      return 0;
    } catch (error) {
      if (!(error instanceof OutputRefused)) throw error;
      io.stderr(`archway mcp: ${error.message}\n`);
      return 2;
    }
  },
};
