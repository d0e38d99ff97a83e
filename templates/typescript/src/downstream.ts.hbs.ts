/** Template of src/downstream.ts: HTTP clients to the services this one calls. */
export default String.raw`import { BrokenCircuitError, TaskCancelledError, type IPolicy } from "cockatiel";
import { Counter, type Registry } from "prom-client";
import type { DownstreamDefinition } from "./design.js";
import { DependencyError, type DownstreamCaller, type DownstreamRequest, type DownstreamResponse } from "./handlers.js";
import type { Logger } from "./logger.js";
import { createCallPolicy } from "./resilience.js";
import { fillPath } from "./routes.js";

/** A 5xx or 429 answer: worth retrying and counted by the circuit breaker. */
export class RetryableStatusError extends Error {
  constructor(readonly response: DownstreamResponse) {
    super("Answered " + response.status);
  }
}

/** Network failures, and answers that say "try again later"; 4xx answers are the caller's problem, not the callee's. */
export function isCallFailure(error: Error): boolean {
  return error instanceof RetryableStatusError || error instanceof TypeError;
}

export interface DownstreamMetrics {
  calls: Counter<"target" | "outcome">;
}

export function createDownstreamMetrics(registry: Registry): DownstreamMetrics {
  return {
    calls: new Counter({
      name: "downstream_requests_total",
      help: "Calls to downstream services, by target component and outcome.",
      labelNames: ["target", "outcome"],
      registers: [registry],
    }),
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!(response.headers.get("content-type") ?? "").includes("json")) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class DownstreamClient implements DownstreamCaller {
  readonly id: string;
  private readonly policy: IPolicy;
  private readonly baseUrl: string;

  constructor(
    private readonly definition: DownstreamDefinition,
    baseUrl: string,
    private readonly metrics: DownstreamMetrics,
    private readonly logger: Logger,
  ) {
    this.id = definition.id;
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.policy = createCallPolicy(definition, isCallFailure);
  }

  /** Calls the callee's route with this request's parameters and id; throws DependencyError when it stays unavailable. */
  async call(request: DownstreamRequest): Promise<DownstreamResponse> {
    const url = this.baseUrl + fillPath(this.definition.route.path, request.params);
    const method = this.definition.route.method;
    const hasBody = method !== "GET" && method !== "DELETE";
    let attempt = 0;
    try {
      const response = await this.policy.execute(async ({ signal }: { signal: AbortSignal }) => {
        attempt += 1;
        if (attempt > 1) this.logger.warn({ requestId: request.requestId, target: this.id, attempt }, "retrying downstream call");
        const answer = await fetch(url, {
          method,
          signal,
          headers: {
            accept: "application/json",
            "x-request-id": request.requestId,
            ...(hasBody ? { "content-type": "application/json" } : {}),
          },
          body: hasBody ? JSON.stringify(request.body ?? {}) : undefined,
        });
        const result = { status: answer.status, body: await readBody(answer) };
        if (answer.status >= 500 || answer.status === 429) throw new RetryableStatusError(result);
        return result;
      });
      this.metrics.calls.inc({ target: this.id, outcome: "success" });
      return response;
    } catch (error) {
      throw this.dependencyError(error);
    }
  }

  /** Readiness: the callee's own liveness endpoint, without retries, so a probe never waits on backoff. */
  async checkHealth(signal: AbortSignal): Promise<void> {
    const answer = await fetch(this.baseUrl + "/health", { signal });
    if (!answer.ok) throw new Error("GET /health answered " + answer.status);
  }

  private dependencyError(error: unknown): DependencyError {
    const name = this.definition.name;
    if (error instanceof BrokenCircuitError) {
      this.metrics.calls.inc({ target: this.id, outcome: "circuit_open" });
      return new DependencyError(name + " is failing; its circuit breaker is open", 503, this.id);
    }
    if (error instanceof TaskCancelledError) {
      this.metrics.calls.inc({ target: this.id, outcome: "timeout" });
      return new DependencyError(name + " did not answer within " + this.definition.timeoutMs + " ms", 504, this.id);
    }
    this.metrics.calls.inc({ target: this.id, outcome: "failure" });
    const detail = error instanceof RetryableStatusError ? "answered " + error.response.status : error instanceof Error ? error.message : String(error);
    return new DependencyError(name + " failed: " + detail, 502, this.id);
  }
}
`;
