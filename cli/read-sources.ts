import { lstat, readdir, readFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { filesInZip, IMPORT_LIMITS, ImportError, isZip, type SourceFile } from "@/lib/import";

/**
 * The files an import reads from paths on the command line: a file as it is, a zip unpacked safely, a folder walked
 * for the files importers read (Terraform, JSON, YAML, Mermaid, Markdown), leaving out version-control, dependency
 * and Terraform cache folders and never following a symbolic link. Paths in the result are relative to the argument.
 */

const READ_EXTENSIONS = /\.(tf|tf\.json|json|ya?ml|mmd|mermaid|md)$/i;
const SKIPPED_FOLDERS = new Set([".git", "node_modules", ".terraform", ".next", "dist", "build", "vendor"]);

async function readText(path: string, label: string): Promise<SourceFile | undefined> {
  const bytes = await readFile(path);
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes) throw new ImportError(`${label} is larger than ${IMPORT_LIMITS.fileBytes / (1024 * 1024)} MB`, [{ file: label, message: "File too large" }]);
  if (isZip(bytes)) return undefined;
  try {
    return { path: label, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    throw new ImportError(`${label} is not UTF-8 text`, [{ file: label, message: "Not UTF-8" }]);
  }
}

async function walk(root: string, folder: string, into: SourceFile[]): Promise<void> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) await walk(root, path, into);
    else if (entry.isFile() && READ_EXTENSIONS.test(entry.name)) {
      if (into.length >= IMPORT_LIMITS.files) throw new ImportError(`${root} holds more than ${IMPORT_LIMITS.files} files to read`, [{ file: root, message: "Too many files" }]);
      const file = await readText(path, relative(root, path));
      if (file) into.push(file);
    }
  }
}

export async function readSources(cwd: string, paths: readonly string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const argument of paths) {
    const path = resolve(cwd, argument);
    const stats = await lstat(path).catch(() => undefined);
    if (!stats) throw new ImportError(`cannot read ${argument}: no such file or folder`, [{ file: argument, message: "Not found" }]);
    if (stats.isDirectory()) await walk(path, path, files);
    else if (stats.isFile()) {
      const bytes = await readFile(path);
      if (isZip(bytes)) files.push(...filesInZip(basename(argument), bytes));
      else {
        const file = await readText(path, basename(argument));
        if (file) files.push(file);
      }
    } else throw new ImportError(`cannot read ${argument}: not a file or folder`, [{ file: argument, message: "Not a regular file" }]);
  }
  return files;
}
