import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/mcp/route";
import { getDesign } from "@/lib/db/designs";
import { BACKENDS, useFreshDatabase } from "../integration/backends";
import { buildFixAndExport } from "./assistant-session";

const sqlite = BACKENDS.find((backend) => backend.name === "sqlite")!;

describe("the MCP endpoint over Streamable HTTP, driven by the SDK's own client", () => {
  useFreshDatabase(sqlite);

  it("builds a design in the app's database, fixes it to zero errors and exports it", async () => {
    const client = new Client({ name: "archway-test", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL("http://localhost/api/mcp"), {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method !== "POST") return new Response(null, { status: 405 });
        return POST(request, undefined);
      },
    });
    await client.connect(transport);
    try {
      const designId = await buildFixAndExport(client);
      const stored = await getDesign(designId);
      expect(stored?.document.name).toBe("Assistant's shop");
    } finally {
      await client.close();
    }
  }, 120_000);
});
