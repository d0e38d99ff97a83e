import { describeDuration, type JobLimits } from "./job-limits";

/**
 * A job refused or stopped by a limit. The answer names the limit and the variable that sets it, so an operator
 * knows what to raise and a user knows the design, not the server, is the reason.
 */
export class JobLimitError extends Error {
  readonly status: 413 | 503;
  /** Seconds after which the same request may succeed; only when the server was busy, not when the job is too big. */
  readonly retryAfterSeconds?: number;

  constructor(status: 413 | 503, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = "JobLimitError";
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function timeLimitExceeded(job: string, limits: JobLimits): JobLimitError {
  return new JobLimitError(
    503,
    `The ${job} job took longer than ${describeDuration(limits.timeoutMs)} and was stopped (limit ARCHWAY_JOB_TIMEOUT_MS); try a smaller design`,
  );
}

export function memoryLimitExceeded(job: string, limits: JobLimits): JobLimitError {
  return new JobLimitError(413, `The ${job} job needs more than ${limits.memoryMb} MB and was stopped (limit ARCHWAY_JOB_MEMORY_MB); try a smaller design`);
}

/** Every thread is busy and the queue is full; one time limit is how long a running job can still take. */
export function poolBusy(limits: JobLimits): JobLimitError {
  const retryAfterSeconds = Math.max(1, Math.ceil(limits.timeoutMs / 1000));
  return new JobLimitError(503, `The server is busy with other heavy jobs; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
}

export function jobLimitResponse(error: JobLimitError): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json({ error: error.message }, { status: error.status, headers });
}

/**
 * Wraps a route handler whose work runs in the job pool: a limit becomes its 413/503 answer (with Retry-After
 * when waiting helps); every other failure goes on to the route's own error handling.
 */
export function withJobLimits<C>(handler: (request: Request, context: C) => Promise<Response>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof JobLimitError) return jobLimitResponse(error);
      throw error;
    }
  };
}
