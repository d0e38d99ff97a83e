import { afterEach, describe, expect, it } from "vitest";
import { starterRepoZipFiles } from "@/lib/generators/starter-repo";
import { parseDesign, type Design } from "@/lib/model";
import { JobLimitError, jobLimitResponse } from "@/lib/server/job-errors";
import { JobPool } from "@/lib/server/job-pool";
import { TEMPLATES } from "@/lib/templates";
import { generateDesignDocument } from "../../bench/shared/generate-design";

/** About 1,000 components: its export takes seconds and well over 100 MB of heap in a worker. */
function largeDesign(): Design {
  const parsed = parseDesign(generateDesignDocument(1000));
  if (!parsed.success) throw new Error("the generated design does not parse");
  return parsed.design;
}

const small = TEMPLATES.find((template) => template.id === "three-tier-web-app")!.design;
const pools: JobPool[] = [];

function pool(limits: Partial<JobPool["limits"]>): JobPool {
  const created = new JobPool({ timeoutMs: 60_000, memoryMb: 512, threads: 1, queue: 4, ...limits });
  pools.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<JobLimitError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(JobLimitError);
  return error as JobLimitError;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

describe("JobPool", () => {
  it("runs a job in a worker thread and gives its result", async () => {
    const outcome = await pool({}).run("validate", { document: small });
    expect(outcome.status).toBe("ok");
  });

  it("stops a job that runs past the time limit with a 503 naming the limit, and runs the next job on a fresh worker", async () => {
    const jobs = pool({ timeoutMs: 300 });
    const stopped = await failure(jobs.run("export", { design: largeDesign(), archwayVersion: "test" }));
    expect(stopped.status).toBe(503);
    expect(stopped.message).toMatch(/export job took longer than 300 ms and was stopped \(limit ARCHWAY_JOB_TIMEOUT_MS\)/);
    expect(stopped.retryAfterSeconds).toBeUndefined();
    expect((await jobs.run("validate", { document: small })).status).toBe("ok");
  });

  it("stops a job that needs more memory than the limit with a 413, and the pool keeps working", async () => {
    const jobs = pool({ memoryMb: 32 });
    const stopped = await failure(jobs.run("export", { design: largeDesign(), archwayVersion: "test" }));
    expect(stopped.status).toBe(413);
    expect(stopped.message).toMatch(/export job needs more than 32 MB and was stopped \(limit ARCHWAY_JOB_MEMORY_MB\)/);
    expect((await jobs.run("validate", { document: small })).status).toBe("ok");
  });

  it("refuses a job when the queue is full with 503 and Retry-After, and still runs the ones it accepted", async () => {
    const jobs = pool({ threads: 1, queue: 1, timeoutMs: 120_000 });
    const input = { design: small, archwayVersion: "test" };
    const accepted = [jobs.run("export", input), jobs.run("export", input)];
    const refused = await failure(jobs.run("export", input));
    expect(refused.status).toBe(503);
    expect(refused.retryAfterSeconds).toBe(120);
    const response = jobLimitResponse(refused);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("120");
    expect(await response.json()).toEqual({ error: "The server is busy with other heavy jobs; try again in 120 s" });
    for (const result of await Promise.all(accepted)) expect(result.bytes).toBeGreaterThan(0);
  });

  it("streams a job's pieces in order before it resolves", async () => {
    const pieces: Uint8Array[] = [];
    const result = await pool({}).run("export", { design: small, archwayVersion: "test" }, { onPiece: (piece) => pieces.push(piece) });
    const streamed = Buffer.concat(pieces);
    expect(streamed.byteLength).toBe(result.bytes);
    const { toZip } = await import("@/lib/generators/to-zip");
    expect(streamed.equals(Buffer.from(toZip(starterRepoZipFiles(small, { archwayVersion: "test" }))))).toBe(true);
  });
});
