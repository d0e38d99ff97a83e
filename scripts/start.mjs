#!/usr/bin/env node
// Serves the production build (`npm start` runs it after `next build`). Safe on the network by default:
// - listens on 127.0.0.1 unless HOST says otherwise (HOST=0.0.0.0 for every interface), on PORT (default 3000);
// - checks ARCHWAY_ALLOWED_HOSTS and the rate-limit settings before listening, so a typo stops the start with a
//   message instead of failing every request;
// - hands Next the real client address: X-Forwarded-For is overwritten with the socket's address (and the other
//   X-Forwarded-* headers dropped) unless ARCHWAY_TRUST_PROXY=1 says a reverse proxy in front sets them. The
//   per-client rate limits in proxy.ts count requests against that address, so a client cannot pick its own;
// - answers TRACE with 405: Next turns every request into a fetch Request, which cannot carry TRACE, and answers
//   500 before proxy.ts runs.
// A custom server (rather than `next start`) exists for the last two points only; routing stays Next's.
import { createServer } from "node:http";
import next from "next";
import { tsImport } from "tsx/esm/api";

// The same policy code proxy.ts runs, loaded through tsx without hooking the modules Next loads afterwards.
const { allowedHostsFromEnv, isLoopbackAddress, isWildcardAddress } = await tsImport("../lib/http/allowed-hosts.ts", import.meta.url);
const { rateLimitFromEnv } = await tsImport("../lib/http/rate-limit-policy.ts", import.meta.url);
const { methodRefusal } = await tsImport("../lib/http/route-methods.ts", import.meta.url);

const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const trustProxy = /^(1|true|yes)$/i.test(process.env.ARCHWAY_TRUST_PROXY ?? "");

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}
// proxy.ts reads these to know which Host headers name this server.
process.env.HOST = hostname;
process.env.PORT = String(port);
process.env.NODE_ENV = "production";

try {
  allowedHostsFromEnv(process.env);
  rateLimitFromEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (isWildcardAddress(hostname) && !process.env.ARCHWAY_ALLOWED_HOSTS) {
  console.warn(
    `HOST=${hostname} listens on every interface, but only localhost names are answered until ARCHWAY_ALLOWED_HOSTS ` +
      "lists the host names other machines use (for example ARCHWAY_ALLOWED_HOSTS=archway.example.com,192.168.1.20:3000).",
  );
}

/** Methods the Fetch standard forbids, so Next cannot represent them; Node's parser already refuses TRACK. */
const UNREPRESENTABLE_METHODS = new Set(["TRACE", "TRACK"]);

function refuseMethod(request, response) {
  const pathname = (request.url ?? "/").split("?")[0];
  const refusal = methodRefusal(request.method, pathname);
  response.writeHead(405, {
    Allow: refusal.allow,
    "Content-Type": "application/json",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  });
  response.end(JSON.stringify({ error: refusal.error }));
}

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto"];

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  if (UNREPRESENTABLE_METHODS.has(request.method)) return refuseMethod(request, response);
  if (!trustProxy) for (const header of FORWARDED_HEADERS) delete request.headers[header];
  request.headers["x-forwarded-for"] ??= request.socket.remoteAddress ?? "unknown";
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});

server.on("error", (error) => {
  console.error(`Cannot listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
  console.log(`Archway is listening on http://${shown}:${port}${isLoopbackAddress(hostname) ? " (this machine only; set HOST to listen on the network)" : ""}`);
});

/** On a stop signal, finish the requests in flight, but give up on open connections after a few seconds. */
const SHUTDOWN_GRACE_MS = 5_000;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  });
}
