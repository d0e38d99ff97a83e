/** Template of test/handlers.test.ts: route semantics against in-memory dependencies. */
export default String.raw`import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RouteDefinition } from "../src/design.js";
import {
  createRouteHandler,
  type CachedRead,
  type DownstreamCaller,
  type DownstreamRequest,
  type EventPublisher,
  type HandlerDependencies,
  type ItemRecord,
  type ItemStore,
  type QueueEvent,
  type ReadCache,
  type RouteRequest,
} from "../src/handlers.js";

const TIME = "2024-01-01T00:00:00.000Z";

class MemoryStore implements ItemStore {
  readonly items = new Map<string, ItemRecord>();
  reads = 0;

  async get(id: string) {
    this.reads += 1;
    return this.items.get(id) ?? null;
  }
  async list(limit: number) {
    this.reads += 1;
    return [...this.items.values()].slice(0, limit);
  }
  async create(id: string, data: unknown) {
    if (this.items.has(id)) return null;
    return this.replace(id, data);
  }
  async replace(id: string, data: unknown) {
    const item = { id, data, createdAt: TIME, updatedAt: TIME };
    this.items.set(id, item);
    return item;
  }
  async merge(id: string, data: unknown) {
    const item = this.items.get(id);
    if (!item) return null;
    return this.replace(id, { ...(item.data as object), ...(data as object) });
  }
  async remove(id: string) {
    return this.items.delete(id);
  }
}

class MemoryCache implements ReadCache {
  private readonly entries = new Map<string, string>();
  async read<T>(key: string, load: () => Promise<T>, shouldStore: (value: T) => boolean): Promise<CachedRead<T>> {
    const cached = this.entries.get(key);
    if (cached !== undefined) return { value: JSON.parse(cached) as T, hit: true };
    const value = await load();
    if (shouldStore(value)) this.entries.set(key, JSON.stringify(value));
    return { value, hit: false };
  }
  async invalidate() {
    this.entries.clear();
  }
}

class RecordingCallee implements DownstreamCaller {
  readonly calls: DownstreamRequest[] = [];
  constructor(readonly id: string) {}
  async call(request: DownstreamRequest) {
    this.calls.push(request);
    return { status: 200, body: { answeredBy: this.id, requestId: request.requestId } };
  }
}

class RecordingPublisher implements EventPublisher {
  readonly events: QueueEvent[] = [];
  constructor(readonly id: string) {}
  async publish(event: QueueEvent) {
    this.events.push(event);
    return "message-" + this.events.length;
  }
}

const readOne: RouteDefinition = { method: "GET", path: "/api/orders/:id" };
const readAll: RouteDefinition = { method: "GET", path: "/api/orders" };
const create: RouteDefinition = { method: "POST", path: "/api/orders" };
const update: RouteDefinition = { method: "PATCH", path: "/api/orders/:id" };
const remove: RouteDefinition = { method: "DELETE", path: "/api/orders/:id" };

function setup(overrides: Partial<HandlerDependencies> = {}) {
  const store = new MemoryStore();
  const callee = new RecordingCallee("inventory");
  const publisher = new RecordingPublisher("orders-queue");
  const dependencies: HandlerDependencies = {
    serviceId: "orders",
    store,
    cache: new MemoryCache(),
    downstream: [callee],
    publishers: [publisher],
    ...overrides,
  };
  return { store, callee, publisher, handle: createRouteHandler(dependencies) };
}

function request(route: RouteDefinition, params: Record<string, string>, body?: unknown, requestId = "req-1"): RouteRequest {
  const target = route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "");
  return { route, params, target, body, requestId };
}

describe("reads", () => {
  it("serve the second identical read from the cache without touching the store or downstream services", async () => {
    const { store, callee, handle } = setup();
    await store.replace("7", { total: 3 });
    const first = await handle(request(readOne, { id: "7" }, undefined, "req-1"));
    const second = await handle(request(readOne, { id: "7" }, undefined, "req-2"));
    assert.equal(first.status, 200);
    assert.equal(first.cache, "miss");
    assert.equal(second.cache, "hit");
    assert.equal(store.reads, 1);
    assert.equal(callee.calls.length, 1);
    assert.equal(second.body["requestId"], "req-2");
    assert.deepEqual(second.body["item"], first.body["item"]);
  });

  it("call downstream services with the request id and path parameters", async () => {
    const { store, callee, handle } = setup();
    await store.replace("7", {});
    const response = await handle(request(readOne, { id: "7" }, undefined, "trace-42"));
    assert.deepEqual(callee.calls[0]?.params, { id: "7" });
    assert.equal(callee.calls[0]?.requestId, "trace-42");
    assert.deepEqual(response.body["downstream"], { inventory: { status: 200, body: { answeredBy: "inventory", requestId: "trace-42" } } });
  });

  it("answer 404 for a missing item and do not cache it", async () => {
    const { store, handle } = setup();
    assert.equal((await handle(request(readOne, { id: "9" }))).status, 404);
    await store.replace("9", {});
    assert.equal((await handle(request(readOne, { id: "9" }))).status, 200);
  });

  it("list items when the route has no parameter", async () => {
    const { store, handle } = setup();
    await store.replace("1", {});
    await store.replace("2", {});
    const response = await handle(request(readAll, {}));
    assert.equal((response.body["items"] as unknown[]).length, 2);
  });

  it("work without a store or cache, composing downstream answers only", async () => {
    const { callee, handle } = setup({ store: null, cache: null });
    const response = await handle(request(readAll, {}));
    assert.equal(response.status, 200);
    assert.equal(response.cache, undefined);
    assert.equal(callee.calls.length, 1);
  });
});

describe("writes", () => {
  it("create an item, make cached reads stale and publish an event", async () => {
    const { handle, publisher } = setup();
    assert.equal((await handle(request(readAll, {}))).cache, "miss");
    const created = await handle(request(create, {}, { id: "o-1", total: 5 }, "req-9"));
    assert.equal(created.status, 201);
    assert.equal((await handle(request(readAll, {}))).cache, "miss");
    assert.deepEqual(publisher.events, [
      { type: "item.created", source: "orders", itemId: "o-1", data: { id: "o-1", total: 5 }, requestId: "req-9" },
    ]);
  });

  it("ask downstream services about the new item when the route has no parameter", async () => {
    const { callee, handle } = setup();
    await handle(request(create, {}, { id: "o-7" }));
    assert.deepEqual(callee.calls[0]?.params, { id: "o-7" });
  });

  it("give a new item a generated id when the body names none", async () => {
    const { handle } = setup();
    const created = await handle(request(create, {}, { total: 1 }));
    assert.match(String(created.body["itemId"]), /^[0-9a-f-]{36}$/);
  });

  it("refuse to create an item twice", async () => {
    const { handle } = setup();
    await handle(request(create, {}, { id: "o-1" }));
    assert.equal((await handle(request(create, {}, { id: "o-1" }))).status, 409);
  });

  it("merge fields into an existing item and answer 404 for a missing one", async () => {
    const { store, handle } = setup();
    await store.replace("o-1", { a: 1 });
    assert.equal((await handle(request(update, { id: "o-1" }, { b: 2 }))).status, 200);
    assert.deepEqual(store.items.get("o-1")?.data, { a: 1, b: 2 });
    assert.equal((await handle(request(update, { id: "o-2" }, { b: 2 }))).status, 404);
  });

  it("delete an item", async () => {
    const { store, handle } = setup();
    await store.replace("o-1", {});
    assert.equal((await handle(request(remove, { id: "o-1" }))).status, 200);
    assert.equal(store.items.has("o-1"), false);
    assert.equal((await handle(request(remove, { id: "o-1" }))).status, 404);
  });

  it("reject a body that is not a JSON object", async () => {
    const { handle } = setup();
    assert.equal((await handle(request(create, {}, [1, 2]))).status, 400);
    assert.equal((await handle(request(update, { id: "o-1" }, "text"))).status, 400);
  });

  it("answer 202 when there is no store and the event went to a queue", async () => {
    const { handle, publisher } = setup({ store: null });
    const response = await handle(request(create, {}, { id: "o-1" }));
    assert.equal(response.status, 202);
    assert.equal(publisher.events.length, 1);
  });
});
`;
