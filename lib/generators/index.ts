import type { Design } from "../model";
import { kubernetesGenerator } from "./kubernetes";
import { mermaidGenerator } from "./mermaid";
import { sortedFileMap } from "./file-map";
import { terraformGenerator } from "./terraform";
import { typescriptGenerator } from "./typescript";
import { GENERATOR_TARGETS, type GeneratedFile, type Generator, type GeneratorTarget } from "./types";

/** Every output format, one line each. Adding a target: its folder under lib/generators/ and a line here. */
export const GENERATORS: readonly Generator[] = [
  mermaidGenerator,
  terraformGenerator,
  kubernetesGenerator,
  typescriptGenerator,
];

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

/** Every registered target's files, each under a folder named after the target, sorted by path. */
export function generateAll(design: Design): GeneratedFile[] {
  return sortedFileMap(
    GENERATORS.flatMap((generator) => generate(design, generator.target).map((file) => ({ path: `${generator.target}/${file.path}`, contents: file.contents }))),
    "generateAll",
  );
}

export type { GeneratedFile, Generator, GeneratorTarget } from "./types";
export { GENERATOR_TARGETS } from "./types";
