import type { JobKind, JobMessage, JobRequest, JobResult, JobStage } from "./protocol";

export type JobHandlers<K extends JobKind> = { [P in K]: (input: JobRequest<P>["input"], progress: (stage: JobStage) => void) => JobResult<P> };

/** The parts of a dedicated worker's global scope we use (the project's type-check has the DOM lib, not WebWorker). */
interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown, options: { transfer: Transferable[] }): void;
}

/** Byte results travel as transferables, so a large zip is handed over instead of copied. */
function transferablesOf(result: unknown): Transferable[] {
  return result instanceof Uint8Array ? [result.buffer] : [];
}

/**
 * The worker side of the protocol: runs each request with its handler and posts progress, the result or the
 * error. Jobs run to completion one at a time; the page stops a stale one by terminating the worker.
 */
export function serveJobs<K extends JobKind>(handlers: JobHandlers<K>): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener("message", (event: MessageEvent<JobRequest<K>>) => {
    const { id, kind, input } = event.data;
    const post = (message: JobMessage, transfer: Transferable[] = []) => scope.postMessage(message, { transfer });
    try {
      const handler = handlers[kind] as (input: unknown, progress: (stage: JobStage) => void) => unknown;
      const result = handler(input, (stage) => post({ id, type: "progress", stage }));
      post({ id, type: "done", result } as JobMessage, transferablesOf(result));
    } catch (error) {
      post({ id, type: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  });
}
