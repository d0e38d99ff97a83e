import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { TemplateModule } from "../lib/generators/typescript/precompile";

/** Every Handlebars template under `root`/templates with its text, addressed as lib/generators/typescript imports it. */
export async function templateModules(root: string): Promise<TemplateModule[]> {
  const templatesDirectory = path.join(root, "templates");
  const generatorDirectory = path.join(root, "lib/generators/typescript");
  const files = (await readdir(templatesDirectory, { recursive: true })).filter((file) => file.endsWith(".hbs.ts")).sort();
  const modules: TemplateModule[] = [];
  for (const file of files) {
    const absolute = path.join(templatesDirectory, file);
    const loaded = (await import(pathToFileURL(absolute).href)) as { default: unknown };
    if (typeof loaded.default !== "string") throw new Error(`${file} must export its template text as the default export`);
    const specifier = path.relative(generatorDirectory, absolute).split(path.sep).join("/").replace(/\.ts$/, "");
    modules.push({ specifier, source: loaded.default });
  }
  return modules;
}
