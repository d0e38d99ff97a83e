/**
 * One function per worker script. Each `new Worker(new URL(…, import.meta.url))` is written out literally so the
 * bundler finds the script and emits it as a same-origin file (no blob: or eval, which a CSP would refuse).
 */
export const spawnGenerateWorker = () => new Worker(new URL("./generate.worker.ts", import.meta.url), { type: "module", name: "archway-generate" });
export const spawnValidateWorker = () => new Worker(new URL("./validate.worker.ts", import.meta.url), { type: "module", name: "archway-validate" });
export const spawnSimulateWorker = () => new Worker(new URL("./simulate.worker.ts", import.meta.url), { type: "module", name: "archway-simulate" });
export const spawnHighlightWorker = () => new Worker(new URL("./highlight.worker.ts", import.meta.url), { type: "module", name: "archway-highlight" });
export const spawnLayoutWorker = () => new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module", name: "archway-layout" });
