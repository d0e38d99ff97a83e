/** Template of src/handlers.ts: what each route does, written against interfaces so it is tested without servers. */
export default String.raw`import { randomUUID } from "node:crypto";
import type { HttpMethod, RouteDefinition } from "./design.js";
import { routeLabel } from "./routes.js";

export interface ItemRecord {
  id: string;
  data: unknown;
  createdAt: string;
  updatedAt: string;
}

/** This service's own items; implemented on PostgreSQL in src/store.ts when the design connects a database. */
export interface ItemStore {
  get(id: string): Promise<ItemRecord | null>;
  list(limit: number): Promise<ItemRecord[]>;
  /** Null when an item with this id already exists. */
  create(id: string, data: unknown): Promise<ItemRecord | null>;
  replace(id: string, data: unknown): Promise<ItemRecord>;
  /** Merges the top-level fields into the stored object; null when the item does not exist. */
  merge(id: string, data: unknown): Promise<ItemRecord | null>;
  remove(id: string): Promise<boolean>;
}

export interface CachedRead<T> {
  value: T;
  hit: boolean;
}

/** Cache-aside for reads; implemented on Redis in src/cache.ts when the design connects a cache. */
export interface ReadCache {
  read<T>(key: string, load: () => Promise<T>, shouldStore: (value: T) => boolean): Promise<CachedRead<T>>;
  /** Makes every cached read of this service stale; called after each successful write. */
  invalidate(): Promise<void>;
}

export interface DownstreamRequest {
  params: Record<string, string>;
  requestId: string;
  body: unknown;
}

export interface DownstreamResponse {
  status: number;
  body: unknown;
}

/** Another service this one calls; implemented with fetch and cockatiel in src/downstream.ts. */
export interface DownstreamCaller {
  id: string;
  call(request: DownstreamRequest): Promise<DownstreamResponse>;
}

export interface QueueEvent {
  type: string;
  source: string;
  itemId: string;
  data: unknown;
  requestId: string;
}

/** A queue this service publishes to; implemented on Redis streams in src/queue.ts. */
export interface EventPublisher {
  id: string;
  publish(event: QueueEvent): Promise<string>;
}

/** A dependency failed in a way the caller should see as 502, 503 or 504 rather than as a bug. */
export class DependencyError extends Error {
  constructor(
    message: string,
    readonly status: 502 | 503 | 504,
    readonly dependency: string,
  ) {
    super(message);
  }
}

export interface HandlerDependencies {
  serviceId: string;
  store: ItemStore | null;
  cache: ReadCache | null;
  downstream: readonly DownstreamCaller[];
  publishers: readonly EventPublisher[];
}

export interface RouteRequest {
  route: RouteDefinition;
  params: Record<string, string>;
  /** Path and query string as received: what makes two reads "the same read" for the cache. */
  target: string;
  body: unknown;
  requestId: string;
}

export interface RouteResponse {
  status: number;
  body: Record<string, unknown>;
  cache?: "hit" | "miss";
}

export type RouteHandler = (request: RouteRequest) => Promise<RouteResponse>;

/** Most items a collection read returns, newest first. */
export const LIST_LIMIT = 50;

interface ReadResult {
  status: number;
  body: Record<string, unknown>;
}

const EVENT_TYPES = { POST: "item.created", PUT: "item.updated", PATCH: "item.updated", DELETE: "item.deleted" } as const;

/** The last path parameter names the item, e.g. :id in /api/orders/:customer/:id. */
function itemIdFromPath(params: Record<string, string>): string | undefined {
  return Object.values(params).at(-1);
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function itemIdFromBody(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const id = body["id"];
  return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : undefined;
}

/** Calls every downstream service at once; the request id and the given path parameters travel along. */
async function callDownstream(
  dependencies: HandlerDependencies,
  request: RouteRequest,
  params: Record<string, string>,
): Promise<Record<string, DownstreamResponse>> {
  const results = await Promise.all(
    dependencies.downstream.map(async (callee) => {
      const response = await callee.call({ params, requestId: request.requestId, body: request.body });
      return [callee.id, response] as const;
    }),
  );
  return Object.fromEntries(results);
}

async function loadRead(dependencies: HandlerDependencies, request: RouteRequest): Promise<ReadResult> {
  const body: Record<string, unknown> = { service: dependencies.serviceId, route: routeLabel(request.route), params: request.params };
  const itemId = itemIdFromPath(request.params);
  if (dependencies.store) {
    if (itemId === undefined) {
      body["items"] = await dependencies.store.list(LIST_LIMIT);
    } else {
      const item = await dependencies.store.get(itemId);
      if (!item) return { status: 404, body: { ...body, error: "Item not found" } };
      body["item"] = item;
    }
  }
  body["downstream"] = await callDownstream(dependencies, request, request.params);
  return { status: 200, body };
}

/**
 * A read: cache first when there is a cache, otherwise (and on a miss) this service's store and every
 * downstream service, then the composed answer is cached for the cache's TTL. Only 200 answers are cached.
 */
async function read(dependencies: HandlerDependencies, request: RouteRequest): Promise<RouteResponse> {
  const load = () => loadRead(dependencies, request);
  if (!dependencies.cache) {
    const result = await load();
    return { status: result.status, body: { ...result.body, requestId: request.requestId } };
  }
  const cached = await dependencies.cache.read(request.target, load, (result) => result.status === 200);
  return {
    status: cached.value.status,
    body: { ...cached.value.body, requestId: request.requestId },
    cache: cached.hit ? "hit" : "miss",
  };
}

function badRequest(request: RouteRequest, error: string): RouteResponse {
  return { status: 400, body: { error, requestId: request.requestId } };
}

/**
 * A write: downstream services are called first (the order service checks inventory before it writes in
 * seed 002 "WRITE Operation Flow (e.g., POST /api/orders)"), then the store; then cached reads are
 * invalidated and an event is published.
 */
async function write(dependencies: HandlerDependencies, request: RouteRequest, method: Exclude<HttpMethod, "GET">): Promise<RouteResponse> {
  const itemId = itemIdFromPath(request.params) ?? itemIdFromBody(request.body) ?? (method === "POST" ? randomUUID() : undefined);
  if (itemId === undefined) return badRequest(request, "Name the item in the path or as \"id\" in the JSON body");
  if (method !== "DELETE" && !isJsonObject(request.body)) return badRequest(request, "The body must be a JSON object");
  const data = method === "DELETE" ? null : request.body;
  // Without a path parameter the item id (from the body or new) is what downstream services are asked about.
  const downstreamParams = Object.keys(request.params).length > 0 ? request.params : { id: itemId };
  const downstream = await callDownstream(dependencies, request, downstreamParams);
  const body: Record<string, unknown> = { service: dependencies.serviceId, route: routeLabel(request.route), itemId, downstream };
  let status = dependencies.publishers.length > 0 ? 202 : 200;
  const store = dependencies.store;
  if (store) {
    const notFound = { status: 404, body: { ...body, error: "Item not found", requestId: request.requestId } };
    if (method === "POST") {
      const item = await store.create(itemId, data);
      if (!item) return { status: 409, body: { ...body, error: "An item with this id already exists", requestId: request.requestId } };
      body["item"] = item;
      status = 201;
    } else if (method === "PUT") {
      body["item"] = await store.replace(itemId, data);
      status = 200;
    } else if (method === "PATCH") {
      const item = await store.merge(itemId, data);
      if (!item) return notFound;
      body["item"] = item;
      status = 200;
    } else {
      if (!(await store.remove(itemId))) return notFound;
      status = 200;
    }
  }
  await dependencies.cache?.invalidate();
  const event: QueueEvent = { type: EVENT_TYPES[method], source: dependencies.serviceId, itemId, data, requestId: request.requestId };
  body["published"] = await Promise.all(
    dependencies.publishers.map(async (publisher) => ({ queue: publisher.id, messageId: await publisher.publish(event) })),
  );
  return { status, body: { ...body, requestId: request.requestId } };
}

/** One handler for every design route; what it does follows from the method and the path parameters. */
export function createRouteHandler(dependencies: HandlerDependencies): RouteHandler {
  return (request) => {
    const method = request.route.method;
    return method === "GET" ? read(dependencies, request) : write(dependencies, request, method);
  };
}
`;
