import type { JobInput, JobKind, JobMessage, JobRequest, JobResult, JobStage } from "./protocol";

/** The job was replaced by a newer request (or its owner went away) before it finished; nobody wants its result. */
export class SupersededJobError extends Error {
  constructor() {
    super("Superseded by a newer request");
    this.name = "SupersededJobError";
  }
}

interface Pending {
  id: number;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
  onProgress?: (stage: JobStage) => void;
}

interface LastRequest {
  kind: JobKind;
  input: object;
  promise: Promise<unknown>;
}

/** Same job asked again: every field the same object or value, so an unchanged design is never checked twice. */
function sameInput(left: object, right: object): boolean {
  const leftEntries = Object.entries(left);
  return leftEntries.length === Object.keys(right).length && leftEntries.every(([key, value]) => Object.is(value, (right as Record<string, unknown>)[key]));
}

/**
 * Runs jobs on one dedicated Web Worker, latest request wins: a new request stops the one still running
 * (terminating the worker is the only way to interrupt synchronous work) and rejects it with
 * SupersededJobError; the same request again shares the first one's answer. Where the worker cannot be created
 * at all (a browser without module workers throws from the constructor), jobs run in the page instead.
 */
export class JobRunner {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private last: LastRequest | undefined;
  private nextId = 1;
  private workersUnavailable = false;

  constructor(private readonly spawn: () => Worker) {}

  run<K extends JobKind>(kind: K, input: JobInput<K>, onProgress?: (stage: JobStage) => void): Promise<JobResult<K>> {
    if (this.last && this.last.kind === kind && sameInput(this.last.input, input)) return this.last.promise as Promise<JobResult<K>>;
    this.cancel();
    const id = this.nextId++;
    const promise = new Promise<JobResult<K>>((resolve, reject) => {
      this.pending = { id, resolve, reject, onProgress };
      const worker = this.workerOrUndefined();
      if (worker) {
        const request: JobRequest<K> = { id, kind, input };
        worker.postMessage(request);
      } else {
        this.runInPage(id, kind, input);
      }
    });
    const last: LastRequest = { kind, input, promise };
    this.last = last;
    // A failed job is not remembered, so asking again retries it.
    promise.catch(() => {
      if (this.last === last) this.last = undefined;
    });
    return promise;
  }

  /** Stops the running job, if any; its promise rejects with SupersededJobError. */
  cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.last = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    pending.reject(new SupersededJobError());
  }

  /** Stops the running job and the worker; a later run starts a fresh one. */
  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private workerOrUndefined(): Worker | undefined {
    if (this.workersUnavailable) return undefined;
    if (this.worker) return this.worker;
    try {
      const worker = this.spawn();
      worker.addEventListener("message", (event: MessageEvent<JobMessage>) => this.receive(event.data));
      worker.addEventListener("error", (event) => this.fail(worker, `the background worker stopped${event.message ? `: ${event.message}` : " (it could not be loaded)"}`));
      worker.addEventListener("messageerror", () => this.fail(worker, "the background worker's answer could not be read"));
      this.worker = worker;
      return worker;
    } catch {
      this.workersUnavailable = true;
      return undefined;
    }
  }

  /** For browsers that cannot create the worker: the job holds the page while it runs, and a superseded one runs on. */
  private runInPage<K extends JobKind>(id: number, kind: K, input: JobInput<K>): void {
    const progress = (stage: JobStage) => this.receive({ id, type: "progress", stage });
    import("./run-job-in-page")
      .then(({ runJobInPage }) => runJobInPage(kind, input, progress))
      .then(
        (result) => this.receive({ id, type: "done", result }),
        (error: unknown) => this.receive({ id, type: "failed", error: error instanceof Error ? error.message : String(error) }),
      );
  }

  private receive(message: JobMessage): void {
    const pending = this.pending;
    if (!pending || pending.id !== message.id) return;
    if (message.type === "progress") {
      pending.onProgress?.(message.stage);
      return;
    }
    this.pending = undefined;
    if (message.type === "done") pending.resolve(message.result as never);
    else pending.reject(new Error(message.error));
  }

  /** A worker that crashed or never loaded is dropped, so the next request starts a new one. */
  private fail(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    worker.terminate();
    this.worker = undefined;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(new Error(reason));
  }
}
