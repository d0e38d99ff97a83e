import type { GeneratedFile, GeneratorTarget } from "../generators";
import type { Design } from "../model";
import type { BoundedValidationResult } from "../rules";
import type { SimulationOptions, SimulationResult } from "../simulation";

/**
 * What the MCP tools need from where they run: somewhere to keep designs, and a way to do the heavy work. The app's
 * HTTP endpoint keeps designs in the database and runs heavy work in the job pool; `archway mcp` keeps them in memory
 * (and, with --dir, in design files) and runs the work in its own process.
 */

export interface StoredDesignRef {
  id: string;
  revision: number;
  design: Design;
}

export interface DesignStore {
  list(): Promise<{ id: string; name: string; componentCount: number }[]>;
  get(id: string): Promise<StoredDesignRef | null>;
  create(design: Design): Promise<StoredDesignRef>;
  /** Saves on top of `revision`; "conflict" when someone saved in between. */
  save(id: string, revision: number, design: Design): Promise<StoredDesignRef | "conflict" | "not-found">;
}

export interface Engine {
  validate(design: Design): Promise<BoundedValidationResult>;
  simulate(design: Design, options: SimulationOptions): Promise<SimulationResult>;
  generate(design: Design, target: GeneratorTarget): Promise<GeneratedFile[]>;
  exportZip(design: Design): Promise<Uint8Array>;
}
