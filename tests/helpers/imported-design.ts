import type { Design } from "@/lib/model";

/** The component of an imported design named `name`; throws when there is none, so a test says what is missing. */
export function componentNamed(design: Design, name: string) {
  const found = design.components.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No component named ${name}`);
  return found;
}

/** Every connection as "source -> target [path]" by component names, sorted: what an importer understood. */
export function callsByName(design: Design): string[] {
  const names = new Map(design.components.map((candidate) => [candidate.id, candidate.name]));
  return design.connections.map((connection) => `${names.get(connection.source)} -> ${names.get(connection.target)}${connection.pathPrefix ? ` ${connection.pathPrefix}` : ""}`).sort();
}
