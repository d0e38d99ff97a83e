import { createDesign, getDesign, listDesigns, saveDesign } from "../db/designs";
import { ARCHWAY_VERSION } from "../generators/starter-repo/version";
import { minimizeDesign } from "../model";
import { jobPool } from "../server/job-pool";
import type { DesignStore, Engine } from "./ports";

/** The app's designs, in its database: what the MCP endpoint changes, people see in the editor. */
export const databaseStore: DesignStore = {
  list: async () => (await listDesigns()).map((design) => ({ id: design.id, name: design.name, componentCount: design.componentCount })),
  get: async (id) => {
    const stored = await getDesign(id);
    return stored ? { id: stored.id, revision: stored.revision, design: stored.document } : null;
  },
  create: async (design) => {
    const created = await createDesign(design);
    return { id: created.id, revision: created.revision, design: created.document };
  },
  save: async (id, revision, design) => {
    const result = await saveDesign(id, revision, design);
    if (result.status === "saved") return { id, revision: result.revision, design: result.document };
    return result.status;
  },
};

/** Heavy work in the server's worker threads, as every route does it. */
export const pooledEngine: Engine = {
  validate: async (design) => {
    const outcome = await jobPool().run("validate", { document: minimizeDesign(design) });
    if (outcome.status !== "ok") throw new Error("The design could not be validated");
    return outcome.result;
  },
  simulate: async (design, options) => {
    const outcome = await jobPool().run("simulate", { document: minimizeDesign(design), options });
    if (outcome.status !== "ok") throw new Error(outcome.issues.map((issue) => issue.message).join("; "));
    return outcome.result;
  },
  generate: async (design, target) => jobPool().run("generate", { design, target }),
  exportZip: async (design) => {
    const pieces: Uint8Array[] = [];
    await jobPool().run("export", { design, archwayVersion: ARCHWAY_VERSION }, { onPiece: (piece) => pieces.push(piece) });
    return Buffer.concat(pieces);
  },
};
