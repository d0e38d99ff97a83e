import type { JobPool } from "./job-pool";
import type { JobInput, JobName } from "./jobs";

/**
 * A streamed job's pieces as a response body. The promise settles once the first piece is there (or the job
 * ended without any): a job that fails before sending anything rejects it, so the route still answers with the
 * job's error status; a failure after that can only cut the body short, which the client sees as a broken
 * download rather than a complete-looking file.
 */
export function streamJob<J extends JobName>(pool: JobPool, job: J, input: JobInput<J>): Promise<ReadableStream<Uint8Array>> {
  return new Promise((resolve, reject) => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (streamController) => void (controller = streamController) });
    let started = false;
    const begin = () => {
      if (started) return;
      started = true;
      resolve(stream);
    };
    pool
      .run(job, input, {
        onPiece: (piece) => {
          controller.enqueue(piece);
          begin();
        },
      })
      .then(
        () => {
          controller.close();
          begin();
        },
        (error: unknown) => {
          if (started) controller.error(error);
          else reject(error);
        },
      );
  });
}
