import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createEmptyDesign, type Design } from "@/lib/model";
import type { ApiResult } from "./api-client";
import { AutosaveController, retryDelayMs, type SaveRequest } from "./autosave";

const base = createEmptyDesign("Shop");
const edit = (n: number): Design => ({ ...base, description: `edit ${n}` });

/** A server whose answers the test releases one by one, so it controls when each request returns. */
function fakeServer() {
  const requests: { request: SaveRequest; answer: (result: ApiResult<{ revision: number }>) => void }[] = [];
  const save = (request: SaveRequest) =>
    new Promise<ApiResult<{ revision: number }>>((resolve) => {
      requests.push({ request, answer: resolve });
    });
  const accept = async (index = requests.length - 1) => {
    const { request, answer } = requests[index];
    answer({ kind: "ok", value: { revision: request.baseRevision + 1 } });
    await vi.advanceTimersByTimeAsync(0);
  };
  const fail = async (result: ApiResult<{ revision: number }>, index = requests.length - 1) => {
    requests[index].answer(result);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { requests, save, accept, fail };
}

function controllerWith(server: ReturnType<typeof fakeServer>, onSaved = vi.fn()) {
  const controller = new AutosaveController({ save: server.save, initialRevision: 1, initialDocument: base, random: () => 0.5, onSaved });
  return { controller, onSaved };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("AutosaveController", () => {
  it("starts saved and sends nothing until something changes", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(controller.getState().status).toBe("saved");
    expect(server.requests).toHaveLength(0);
  });

  it("waits for a pause in editing before saving, then sends one request with the base revision", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(500);
    controller.change(edit(2));
    await vi.advanceTimersByTimeAsync(799);
    expect(server.requests).toHaveLength(0);
    expect(controller.getState().status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].request).toMatchObject({ baseRevision: 1, document: edit(2), keepalive: false });
    expect(controller.getState().status).toBe("saving");
    await server.accept();
    expect(controller.getState()).toMatchObject({ status: "saved", revision: 2 });
  });

  it("saves during continuous editing at least every maxWait", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    for (let n = 1; n <= 10; n += 1) {
      controller.change(edit(n));
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].request.document).toEqual(edit(8));
  });

  it("keeps one request in flight and sends the newest design after it returns", async () => {
    const server = fakeServer();
    const { controller, onSaved } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    controller.change(edit(2));
    controller.change(edit(3));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.requests).toHaveLength(1);
    await server.accept();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].request).toMatchObject({ baseRevision: 2, document: edit(3) });
    await server.accept();
    expect(controller.getState()).toMatchObject({ status: "saved", revision: 3 });
    expect(onSaved.mock.calls.map(([saved]) => saved)).toEqual([
      { revision: 2, document: edit(1) },
      { revision: 3, document: edit(3) },
    ]);
  });

  it("reports unsaved after a save returns while newer edits wait for their debounce", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    controller.change(edit(2));
    await server.accept();
    expect(controller.getState().status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(800);
    expect(server.requests[1].request.document).toEqual(edit(2));
  });

  it("stops on a conflict, keeps the local design and saves nothing more until reset", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    const theirs = { ...base, name: "Theirs" };
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    await server.fail({ kind: "conflict", error: "Stale", current: { revision: 5, document: theirs } });
    expect(controller.getState()).toMatchObject({ status: "conflict", conflict: { revision: 5, document: theirs } });
    controller.change(edit(2));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    expect(controller.latestDocument()).toEqual(edit(2));
    controller.reset(5, theirs);
    expect(controller.getState()).toMatchObject({ status: "saved", revision: 5, conflict: null });
    controller.change(edit(3));
    await vi.advanceTimersByTimeAsync(800);
    expect(server.requests[1].request).toMatchObject({ baseRevision: 5, document: edit(3) });
  });

  it("takes a conflict holding exactly its own document as its own earlier save whose answer was lost", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    await server.fail({ kind: "conflict", error: "Stale", current: { revision: 2, document: edit(1) } });
    expect(controller.getState()).toMatchObject({ status: "saved", revision: 2 });
  });

  it("retries network and 5xx failures with growing waits and reports offline meanwhile", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    await server.fail({ kind: "network", error: "Failed to fetch" });
    expect(controller.getState()).toMatchObject({ status: "offline", retryAttempt: 1, error: "Failed to fetch" });
    // attempt 1 waits 1 s + jitter 0.5 s; attempt 2 waits 2 s + 0.5 s.
    await vi.advanceTimersByTimeAsync(1499);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    expect(controller.getState().status).toBe("offline");
    await server.fail({ kind: "server", status: 503, error: "Unavailable" });
    await vi.advanceTimersByTimeAsync(2499);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(3);
    await server.accept();
    expect(controller.getState()).toMatchObject({ status: "saved", retryAttempt: 0, error: null });
  });

  it("never drops the latest design: edits made while offline go out with the next retry", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    await server.fail({ kind: "network", error: "offline" });
    controller.change(edit(2));
    controller.change(edit(3));
    expect(controller.getState().status).toBe("offline");
    await vi.advanceTimersByTimeAsync(1500);
    expect(server.requests.at(-1)?.request).toMatchObject({ baseRevision: 1, document: edit(3) });
    await server.accept();
    expect(controller.hasUnsavedChanges()).toBe(false);
  });

  it("retries at once when told the browser is online again", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    await server.fail({ kind: "network", error: "offline" });
    controller.retryNow();
    expect(server.requests).toHaveLength(2);
  });

  it("reports a rejected design as an error and tries again after the next change", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    await server.fail({ kind: "too-large", error: "Too large" });
    expect(controller.getState()).toMatchObject({ status: "error", error: "Too large" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    controller.change(edit(2));
    expect(controller.getState().status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(800);
    expect(server.requests).toHaveLength(2);
  });

  it("saveNow sends at once and resolves when the save settles", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    const settled = controller.saveNow();
    expect(server.requests).toHaveLength(1);
    await server.accept();
    await expect(settled).resolves.toMatchObject({ status: "saved", revision: 2 });
  });

  it("saveNow with nothing to save resolves at once", async () => {
    const { controller } = controllerWith(fakeServer());
    await expect(controller.saveNow()).resolves.toMatchObject({ status: "saved" });
  });

  it("flushes unsaved work with keepalive when the page goes away", async () => {
    const server = fakeServer();
    const { controller } = controllerWith(server);
    controller.change(edit(1));
    controller.flushOnExit();
    expect(server.requests[0].request).toMatchObject({ keepalive: true, document: edit(1) });
  });

  it("on dispose sends the unsaved design and still reports the confirmed save", async () => {
    const server = fakeServer();
    const { controller, onSaved } = controllerWith(server);
    const listener = vi.fn();
    controller.subscribe(listener);
    controller.change(edit(1));
    controller.dispose();
    listener.mockClear();
    await server.accept();
    expect(onSaved).toHaveBeenCalledWith({ revision: 2, document: edit(1) });
    expect(listener).not.toHaveBeenCalled();
    controller.change(edit(2));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests).toHaveLength(1);
  });

  it("ignores the answer to a request sent before reset", async () => {
    const server = fakeServer();
    const { controller, onSaved } = controllerWith(server);
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    controller.reset(7, edit(9));
    await server.accept();
    expect(onSaved).not.toHaveBeenCalled();
    expect(controller.getState()).toMatchObject({ status: "saved", revision: 7 });
  });

  it("turns a save function that throws into an offline retry instead of losing the design", async () => {
    const attempts: SaveRequest[] = [];
    const controller = new AutosaveController({
      save: (request) => {
        attempts.push(request);
        if (attempts.length === 1) throw new Error("boom");
        return Promise.resolve({ kind: "ok", value: { revision: 2 } });
      },
      initialRevision: 1,
      initialDocument: base,
      random: () => 0,
    });
    controller.change(edit(1));
    await vi.advanceTimersByTimeAsync(800);
    expect(controller.getState().status).toBe("offline");
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempts.map((attempt) => attempt.document)).toEqual([edit(1), edit(1)]);
    expect(controller.getState().status).toBe("saved");
  });
});

describe("retryDelayMs", () => {
  it("doubles from the base delay, caps at the maximum and adds up to one base delay of jitter", () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, 1000, 8000, noJitter))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(retryDelayMs(1, 1000, 8000, () => 0.999)).toBe(1999);
  });
});
