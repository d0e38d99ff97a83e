import { existsSync } from "node:fs";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import Piscina from "piscina";
import { memoryLimitExceeded, poolBusy, timeLimitExceeded } from "./job-errors";
import { jobLimitsFromEnv, type JobLimits } from "./job-limits";
import type { JobPortMessage, JobTask } from "./job-worker";
import type { JobInput, JobName, JobOutput } from "./jobs";

/** Built by scripts/build-workers.mjs (part of `npm run build` and of the vitest global setup). */
export function workerFile(root = process.cwd()): string {
  return path.join(root, ".workers", "heavy-jobs.cjs");
}

/** Time a new worker thread may take to load the job bundle on a busy machine. */
const THREAD_START_GRACE_MS = 15_000;

export interface RunOptions {
  /** Receives each piece of a streamed result, in order, while the job runs. */
  onPiece?: (piece: Uint8Array) => void;
}


/**
 * Heavy jobs on a small pool of worker threads, so the thread that answers requests never waits for them. Each
 * job runs under the pool's limits: a job that runs past the time limit has its worker terminated (piscina starts
 * a fresh one); a job that outgrows the worker's heap ends that worker the same way; neither takes the process
 * down. The time limit runs from the moment the job starts in its worker, not from when it was queued (starting a
 * thread is not the job's fault). Jobs wait in a bounded queue, so a wait is bounded too; when the queue is full
 * the caller hears at once that the server is busy.
 */
export class JobPool {
  readonly limits: JobLimits;
  private readonly piscina: Piscina<JobTask, unknown>;
  /** Jobs running or waiting. Counted here rather than with piscina's maxQueue, whose capacity also includes
   * threads still starting, so that the bound is exactly threads + queue. */
  private pending = 0;

  constructor(limits: JobLimits, filename = workerFile()) {
    if (!existsSync(filename)) throw new Error(`The job worker ${filename} is missing: run "npm run build" (or "node scripts/build-workers.mjs") first`);
    this.limits = limits;
    this.piscina = new Piscina({
      filename,
      minThreads: 0,
      maxThreads: limits.threads,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    });
    // A worker that dies with no task of its own (for example while being replaced) is reported here; without a
    // listener the pool's "error" event would throw and end the process.
    this.piscina.on("error", (error: unknown) => console.error("Job worker failed:", error));
  }

  async run<J extends JobName>(job: J, input: JobInput<J>, options: RunOptions = {}): Promise<JobOutput<J>> {
    if (this.pending >= this.limits.threads + this.limits.queue) throw poolBusy(this.limits);
    this.pending += 1;
    const { port1, port2 } = new MessageChannel();
    const controller = new AbortController();
    let timedOut = false;
    let waitedTooLong = false;
    // A job that never starts (its thread died while starting) must not wait forever: the longest honest wait is
    // every queued job ahead running its full time, plus time to start a thread.
    let timer = setTimeout(() => {
      waitedTooLong = true;
      controller.abort("waited too long");
    }, this.longestWaitMs());
    let resolveEnd: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (resolveEnd = resolve));
    port1.on("message", (message: JobPortMessage) => {
      if (message.type === "started") {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort("time limit");
        }, this.limits.timeoutMs);
      } else if (message.type === "piece") options.onPiece?.(message.piece);
      else resolveEnd();
    });
    try {
      const result = await this.piscina.run({ job, input, port: port2 }, { transferList: [port2], signal: controller.signal });
      // The result and the pieces travel on different ports; the last piece is in only once "end" has arrived.
      await ended;
      return result as JobOutput<J>;
    } catch (error) {
      if (timedOut) throw timeLimitExceeded(job, this.limits);
      if (waitedTooLong) throw poolBusy(this.limits);
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") throw memoryLimitExceeded(job, this.limits);
      throw error;
    } finally {
      this.pending -= 1;
      clearTimeout(timer);
      port1.close();
    }
  }

  private longestWaitMs(): number {
    return (Math.ceil(this.limits.queue / this.limits.threads) + 1) * this.limits.timeoutMs + THREAD_START_GRACE_MS;
  }

  /** Stops every worker; queued and running jobs are refused. */
  async close(): Promise<void> {
    await this.piscina.close({ force: true });
  }
}

const POOL_KEY = Symbol.for("archway.jobPool");
type PoolHolder = { [POOL_KEY]?: JobPool };

/**
 * The server's one pool, limits from the environment, made on first use. Kept on globalThis so that module
 * reloads in development and several route bundles in production share it instead of each starting threads.
 */
export function jobPool(): JobPool {
  const holder = globalThis as PoolHolder;
  holder[POOL_KEY] ??= new JobPool(jobLimitsFromEnv());
  return holder[POOL_KEY];
}
