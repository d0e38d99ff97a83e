import type { JobInput, JobKind, JobResult, JobStage } from "./protocol";

type Handler<K extends JobKind> = (input: JobInput<K>, progress: (stage: JobStage) => void) => JobResult<K>;

/** The same handlers the workers run, each loaded into the page only when it is first needed there. */
const HANDLERS: { [K in JobKind]: () => Promise<Handler<K>> } = {
  generate: async () => (await import("./handlers/generate")).generateJob,
  picture: async () => (await import("./handlers/picture")).pictureJob,
  "starter-zip": async () => (await import("./handlers/starter-zip")).starterZipJob,
  validate: async () => (await import("./handlers/validate")).validateJob,
  simulate: async () => (await import("./handlers/simulate")).simulateJob,
  highlight: async () => (await import("./handlers/highlight")).highlightJob,
  layout: async () => (await import("./handlers/layout")).layoutJob,
  routes: async () => (await import("./handlers/routes")).routesJob,
};

export async function runJobInPage<K extends JobKind>(kind: K, input: JobInput<K>, progress: (stage: JobStage) => void): Promise<JobResult<K>> {
  const handler: Handler<K> = await HANDLERS[kind]();
  return handler(input, progress);
}
