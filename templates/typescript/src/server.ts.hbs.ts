/** Template of src/server.ts: the HTTP server on node:http, with probes, metrics, request ids and JSON bodies. */
export default String.raw`import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { RouteDefinition } from "./design.js";
import { DependencyError, type RouteHandler } from "./handlers.js";
import type { Logger } from "./logger.js";
import type { HttpMetrics } from "./metrics.js";
import type { ReadinessReport } from "./readiness.js";
import { allowedMethods, matchRoute } from "./routes.js";

export interface AppOptions {
  routes: readonly RouteDefinition[];
  handle: RouteHandler;
  readiness: () => Promise<ReadinessReport>;
  metrics: HttpMetrics;
  logger: Logger;
}

export interface App {
  server: Server;
  /** From now on /ready answers 503, so the load balancer stops sending new requests. */
  startDraining(): void;
}

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An incoming id is kept only if it is short and plain, so it cannot forge log lines or headers. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
}

class BadRequestError extends Error {}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BadRequestError("The body is larger than " + MAX_BODY_BYTES + " bytes");
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BadRequestError("The body is not valid JSON");
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

const PROBE_PATHS = new Set(["/health", "/ready", "/metrics"]);

interface Exchange {
  requestId: string;
  /** Route pattern (or probe path) for metrics and logs; "unmatched" until a route matches. */
  route: string;
}

export function createApp(options: AppOptions): App {
  let draining = false;

  /** Answers one request; sets exchange.route before responding so metrics and logs carry the route pattern. */
  async function answer(request: IncomingMessage, response: ServerResponse, exchange: Exchange): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const method = request.method ?? "GET";
    if (method === "GET" && PROBE_PATHS.has(url.pathname)) {
      exchange.route = url.pathname;
      if (url.pathname === "/health") {
        sendJson(response, 200, { status: "ok" });
      } else if (url.pathname === "/ready") {
        const report = await options.readiness();
        const ready = report.ready && !draining;
        sendJson(response, ready ? 200 : 503, { status: ready ? "ready" : draining ? "draining" : "unavailable", checks: report.checks });
      } else {
        const text = await options.metrics.registry.metrics();
        response.writeHead(200, { "content-type": options.metrics.registry.contentType });
        response.end(text);
      }
      return;
    }
    const match = matchRoute(options.routes, method, url.pathname);
    if (!match) {
      const allowed = allowedMethods(options.routes, url.pathname);
      if (allowed.length > 0) response.setHeader("allow", allowed.join(", "));
      sendJson(response, allowed.length > 0 ? 405 : 404, { error: allowed.length > 0 ? "Method not allowed" : "Not found", requestId: exchange.requestId });
      return;
    }
    exchange.route = match.route.path;
    const body = method === "GET" || method === "DELETE" ? undefined : await readJsonBody(request);
    const result = await options.handle({
      route: match.route,
      params: match.params,
      target: url.pathname + url.search,
      body,
      requestId: exchange.requestId,
    });
    if (result.cache) response.setHeader("x-cache", result.cache);
    sendJson(response, result.status, result.body);
  }

  const server = createServer((request, response) => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(request.headers["x-request-id"]);
    const logger = options.logger.child({ requestId });
    const exchange: Exchange = { requestId, route: "unmatched" };
    response.setHeader("x-request-id", requestId);
    response.on("finish", () => {
      const seconds = (performance.now() - startedAt) / 1000;
      const method = request.method ?? "GET";
      options.metrics.observeRequest(method, exchange.route, response.statusCode, seconds);
      const fields = { method, path: request.url, route: exchange.route, status: response.statusCode, durationMs: Math.round(seconds * 1000) };
      if (PROBE_PATHS.has(exchange.route)) logger.debug(fields, "request completed");
      else logger.info(fields, "request completed");
    });
    answer(request, response, exchange).catch((error: unknown) => {
      if (response.headersSent) {
        logger.error({ err: error }, "request failed after the response started");
        response.destroy();
      } else if (error instanceof BadRequestError) {
        sendJson(response, 400, { error: error.message, requestId });
      } else if (error instanceof DependencyError) {
        logger.warn({ err: error, dependency: error.dependency }, "dependency failed");
        sendJson(response, error.status, { error: error.message, dependency: error.dependency, requestId });
      } else {
        logger.error({ err: error }, "request failed");
        sendJson(response, 500, { error: "Internal error", requestId });
      }
    });
  });

  return {
    server,
    startDraining() {
      draining = true;
    },
  };
}
`;
