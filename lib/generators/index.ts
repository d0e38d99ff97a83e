import type { Design } from "../model";
import { kubernetesGenerator } from "./kubernetes";
import { mermaidGenerator } from "./mermaid";
import { pngGenerator, svgGenerator } from "./picture";
import { sortedFileMap } from "./file-map";
import { terraformGenerator } from "./terraform";
import { typescriptGenerator } from "./typescript";
import { GENERATOR_TARGETS, type GeneratedFile, type Generator, type GeneratorTarget } from "./types";

/** Code and documents, one line each. Adding a target: its folder under lib/generators/ and a line here. */
export const CODE_GENERATORS: readonly Generator[] = [mermaidGenerator, terraformGenerator, kubernetesGenerator, typescriptGenerator];

/** Pictures of the design: their own buttons, `--target svg|png` and the files API, not part of "all". */
export const PICTURE_GENERATORS: readonly Generator[] = [svgGenerator, pngGenerator];

export const GENERATORS: readonly Generator[] = [...CODE_GENERATORS, ...PICTURE_GENERATORS];

export class UnknownTargetError extends Error {}

export function isGeneratorTarget(target: string): target is GeneratorTarget {
  return (GENERATOR_TARGETS as readonly string[]).includes(target);
}

export function generatorFor(target: GeneratorTarget): Generator {
  const generator = GENERATORS.find((candidate) => candidate.target === target);
  if (!generator) throw new UnknownTargetError(`No generator is registered for target "${target}"`);
  return generator;
}

/**
 * A generator's files, sorted by path. Every path is checked here once, so no generator can write outside
 * its folder or emit the same file twice.
 */
export function runGenerator(generator: Generator, design: Design): GeneratedFile[] {
  return sortedFileMap(generator.generate(design), `Generator "${generator.target}"`);
}

/** One target's files, paths relative to the target's own folder, sorted. */
export function generate(design: Design, target: GeneratorTarget): GeneratedFile[] {
  return runGenerator(generatorFor(target), design);
}

/**
 * Every code target's files, each under a folder named after the target, sorted by path. Pictures are left out:
 * they show the design rather than build it, and the PNG needs a rasteriser the browser's code view has not.
 */
export function generateAll(design: Design): GeneratedFile[] {
  return sortedFileMap(
    CODE_GENERATORS.flatMap((generator) => generate(design, generator.target).map((file) => ({ ...file, path: `${generator.target}/${file.path}` }))),
    "generateAll",
  );
}

export type { GeneratedFile, Generator, GeneratorTarget } from "./types";
export { CODE_TARGETS, GENERATOR_TARGETS, PICTURE_TARGETS } from "./types";
