/** Template of src/shutdown.ts: graceful shutdown on SIGTERM and SIGINT. */
export default String.raw`import type { App } from "./server.js";
import type { Logger } from "./logger.js";

/** In-flight requests get this long to finish before their connections are closed. */
export const DRAIN_TIMEOUT_MS = 8000;
/** The process is gone before an orchestrator's usual 10 s grace period runs out, whatever hangs. */
export const HARD_EXIT_MS = 9500;

export interface ShutdownOptions {
  app: App;
  logger: Logger;
  /** Work not driven by requests (queue consumers), stopped while the server drains. */
  backgroundWork: readonly { stop(): Promise<void> }[];
  /** Closes pools and connections, in order, after the last request is answered. */
  closeResources: readonly (() => Promise<void>)[];
}

/**
 * On the first SIGTERM or SIGINT: report not ready, stop accepting connections, let in-flight requests
 * finish (up to DRAIN_TIMEOUT_MS), close resources and exit with code 0.
 */
export function installGracefulShutdown(options: ShutdownOptions): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, "shutting down");
    setTimeout(() => {
      options.logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, HARD_EXIT_MS).unref();
    options.app.startDraining();
    const closed = new Promise<void>((resolve) => options.app.server.close(() => resolve()));
    options.app.server.closeIdleConnections();
    const forceClose = setTimeout(() => options.app.server.closeAllConnections(), DRAIN_TIMEOUT_MS);
    forceClose.unref();
    await Promise.all(options.backgroundWork.map((work) => work.stop()));
    await closed;
    clearTimeout(forceClose);
    for (const close of options.closeResources) {
      await close().catch((error: unknown) => options.logger.warn({ err: error }, "closing a resource failed"));
    }
    options.logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", (signal) => void stop(signal));
  process.once("SIGINT", (signal) => void stop(signal));
}
`;
