#!/usr/bin/env node
// Writes lib/generators/typescript/precompiled-templates.ts: every Handlebars template under templates/, compiled
// ahead of time so the browser can render them under a Content-Security-Policy that forbids eval.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { templateModules } = await import("./template-modules.ts");
const { precompiledTemplatesModule } = await import("../lib/generators/typescript/precompile.ts");

const root = fileURLToPath(new URL("..", import.meta.url));
const target = path.join(root, "lib/generators/typescript/precompiled-templates.ts");
const templates = await templateModules(root);
await writeFile(target, precompiledTemplatesModule(templates));
console.log(`Precompiled ${templates.length} templates into ${path.relative(root, target)}`);
