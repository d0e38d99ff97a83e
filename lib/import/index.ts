import { composeImporter } from "./compose";
import { mermaidImporter } from "./mermaid";
import { IMPORT_LIMITS } from "./limits";
import { kubernetesImporter } from "./kubernetes";
import { terraformImporter } from "./terraform";
import { ImportError, type Importer, type ImportFormat, type ImportOptions, type ImportResult, type SourceFile } from "./types";

/**
 * The importer registry: every format Archway reads, in the order detection tries them (the most specific first).
 * Adding a format is its folder under lib/import/ plus a line here.
 */
export const IMPORTERS: readonly Importer[] = [terraformImporter, kubernetesImporter, composeImporter, mermaidImporter];

export function importerFor(format: ImportFormat): Importer | undefined {
  return IMPORTERS.find((importer) => importer.format === format);
}

function checkLimits(files: readonly SourceFile[]): void {
  if (files.length === 0) throw new ImportError("No files to import", []);
  if (files.length > IMPORT_LIMITS.files) throw new ImportError(`At most ${IMPORT_LIMITS.files} files can be imported at once; got ${files.length}`, []);
  let total = 0;
  for (const file of files) {
    const bytes = new TextEncoder().encode(file.text).byteLength;
    if (bytes > IMPORT_LIMITS.fileBytes) throw new ImportError(`${file.path} is larger than ${IMPORT_LIMITS.fileBytes / (1024 * 1024)} MB`, [{ file: file.path, message: "File too large" }]);
    total += bytes;
  }
  if (total > IMPORT_LIMITS.totalBytes) throw new ImportError(`The files are larger than ${IMPORT_LIMITS.totalBytes / (1024 * 1024)} MB together`, []);
}

/** The format these files are in, or undefined when no importer recognises them. */
export function detectFormat(files: readonly SourceFile[]): ImportFormat | undefined {
  return IMPORTERS.find((importer) => importer.detect(files))?.format;
}

/** Reads the files as `from`, or as the detected format; throws ImportError with the reason when it cannot. */
export function importFiles(files: readonly SourceFile[], options: ImportOptions & { from?: ImportFormat } = {}): ImportResult {
  checkLimits(files);
  const format = options.from ?? detectFormat(files);
  if (format === undefined) {
    const formats = IMPORTERS.map((importer) => importer.label).join(", ");
    throw new ImportError(`These files are not in a format Archway imports (${formats})`, files.slice(0, 20).map((file) => ({ file: file.path, message: "Not recognised" })));
  }
  const importer = importerFor(format);
  if (!importer) throw new ImportError(`No importer for ${format}`, []);
  return importer.read(files, { name: options.name });
}

export { IMPORT_LIMITS } from "./limits";
export { filesInZip, isZip } from "./support/zip-source";
export { ImportError, IMPORT_FORMATS, type Importer, type ImportFormat, type ImportResult, type SourceFile, type Unmapped } from "./types";
