#!/usr/bin/env node
// Writes lib/generators/picture/icon-data.ts: every icon under public/icons as data, so the picture renderer can
// inline them in the browser, a worker thread and the CLI alike, none of which may read public/ at run time.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { iconDataModule, readIcons } = await import("./picture-icons.ts");

const root = fileURLToPath(new URL("..", import.meta.url));
const target = path.join(root, "lib/generators/picture/icon-data.ts");
const icons = await readIcons(root);
await writeFile(target, iconDataModule(icons));
console.log(`Wrote ${Object.keys(icons).length} icons into ${path.relative(root, target)}`);
