import ElkApi, { type ELK } from "elkjs/lib/elk-api.js";
import ElkInPage from "elkjs/lib/elk.bundled.js";
import { spawnElkWorker } from "./spawn";

export type LayoutEngine = Pick<ELK, "layout" | "terminateWorker">;

/**
 * An ELK whose layouts run in a Web Worker; terminate it when done. elk-api never hears of a worker that fails to
 * load, so that failure rejects the layout here instead of leaving it pending. Where the worker cannot be created
 * at all (the constructor throws in a browser without module workers), the bundled engine lays out in the page.
 */
export function createElkInWorker(): LayoutEngine {
  let worker: Worker | undefined;
  let elk: ELK;
  try {
    elk = new ElkApi({
      workerFactory: () => {
        worker = spawnElkWorker();
        return worker;
      },
    });
  } catch {
    const inPage = new ElkInPage();
    // The in-page engine has no worker to stop (its stand-in has no terminate).
    return { layout: (graph, args) => inPage.layout(graph, args), terminateWorker: () => undefined };
  }
  const loadFailure = new Promise<never>((_, reject) => {
    worker?.addEventListener("error", (event) => reject(new Error(`the layout worker stopped${event.message ? `: ${event.message}` : " (it could not be loaded)"}`)));
  });
  // Only a layout that is waiting reports the failure; the failure alone is not an unhandled error.
  loadFailure.catch(() => undefined);
  return {
    layout: (graph, args) => Promise.race([elk.layout(graph, args), loadFailure]),
    terminateWorker: () => elk.terminateWorker(),
  };
}
