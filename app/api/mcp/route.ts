import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { HttpError, readJsonBody, route } from "@/lib/http/api";
import { databaseStore, pooledEngine } from "@/lib/mcp/app";
import { createArchwayMcpServer } from "@/lib/mcp/server";

export const runtime = "nodejs";

/**
 * The Model Context Protocol over Streamable HTTP, stateless: each POST carries JSON-RPC messages and is answered in
 * JSON by a fresh server over the app's database, so what an assistant builds appears in the designs list. The body
 * is read with the same 5 MB bound and JSON rules as every route; heavy tools run in the job pool.
 */
export const POST = route(async (request: Request) => {
  const body = await readJsonBody(request);
  if (!request.headers.get("accept")?.includes("application/json")) throw new HttpError(406, "An MCP client accepts application/json and text/event-stream");
  const server = createArchwayMcpServer({ store: databaseStore, engine: pooledEngine, version: ARCHWAY_VERSION });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  const response = await transport.handleRequest(request, { parsedBody: body });
  await server.close();
  return response;
});
