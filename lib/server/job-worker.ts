import type { MessagePort } from "node:worker_threads";
import { JOBS, type JobName } from "./jobs";

/**
 * The entry of every worker thread in the job pool (piscina loads it by file name). scripts/build-workers.mjs
 * bundles it into .workers/heavy-jobs.cjs, because piscina starts its workers from a path on disk that neither
 * Turbopack nor vitest would otherwise produce.
 *
 * Messages on `port`, in order: "started" when the job begins (its time limit runs from here, not from when it
 * was queued), "piece" for each slice of a streamed result, "end" after the last piece.
 */

export interface JobTask {
  job: JobName;
  input: unknown;
  port: MessagePort;
}

export type JobPortMessage = { type: "started" } | { type: "piece"; piece: Uint8Array<ArrayBuffer> } | { type: "end" };

function send(port: MessagePort, message: JobPortMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** Jobs may be asynchronous (the PNG waits for its rasteriser once per thread): "end" follows the result. */
export default async function runJob({ job, input, port }: JobTask): Promise<unknown> {
  send(port, { type: "started" });
  const run = JOBS[job] as (input: unknown, emit: (piece: Uint8Array<ArrayBuffer>) => void) => unknown;
  try {
    return await run(input, (piece) => send(port, { type: "piece", piece }, [piece.buffer]));
  } finally {
    send(port, { type: "end" });
    port.close();
  }
}
