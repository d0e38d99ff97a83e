import { generate } from "../generators";
import { starterRepoZipFiles } from "../generators/starter-repo";
import { toZip } from "../generators/to-zip";
import { canonicalDesignText, parseDesignJson, type Design } from "../model";
import { boundFindings } from "../rules";
import { runRules } from "../rules/run-rules";
import { simulate } from "../simulation";
import type { DesignStore, Engine, StoredDesignRef } from "./ports";

/** Heavy work in this process: right for `archway mcp`, which serves one assistant. */
export function directEngine(archwayVersion: string): Engine {
  return {
    validate: async (design) => boundFindings(runRules(design)),
    simulate: async (design, options) => simulate(design, options),
    generate: async (design, target) => generate(design, target),
    exportZip: async (design) => toZip(starterRepoZipFiles(design, { archwayVersion })),
  };
}

/** Where a memory store writes each design when it has a folder: `<id>.archway.json`, in canonical form. */
export interface DesignFiles {
  read(): Promise<{ name: string; text: string }[]>;
  write(name: string, text: string): Promise<void>;
}

/**
 * Designs kept in memory for one `archway mcp` session, and in design files when a folder is given (read at start,
 * written on every change), so the assistant's work survives the session and can be committed.
 */
export async function memoryStore(files?: DesignFiles): Promise<DesignStore> {
  const designs = new Map<string, StoredDesignRef>();
  for (const file of (await files?.read()) ?? []) {
    const match = /^([a-z0-9][a-z0-9-]{0,62})\.archway\.json$/.exec(file.name);
    const parsed = match ? parseDesignJson(file.text) : undefined;
    if (match && parsed?.success) designs.set(match[1], { id: match[1], revision: 1, design: parsed.design });
  }
  let next = designs.size + 1;
  const persist = async (stored: StoredDesignRef) => files?.write(`${stored.id}.archway.json`, canonicalDesignText(stored.design));
  return {
    list: async () => [...designs.values()].map((stored) => ({ id: stored.id, name: stored.design.name, componentCount: stored.design.components.length })),
    get: async (id) => designs.get(id) ?? null,
    create: async (design: Design) => {
      while (designs.has(`design-${next}`)) next += 1;
      const stored = { id: `design-${next}`, revision: 1, design };
      designs.set(stored.id, stored);
      await persist(stored);
      return stored;
    },
    save: async (id, revision, design) => {
      const current = designs.get(id);
      if (!current) return "not-found";
      if (current.revision !== revision) return "conflict";
      const stored = { id, revision: revision + 1, design };
      designs.set(id, stored);
      await persist(stored);
      return stored;
    },
  };
}
