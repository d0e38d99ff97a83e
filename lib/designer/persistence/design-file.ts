import { projectSlug } from "@/lib/generators/naming";
import { parseDesignJson, type DesignParseResult } from "@/lib/model";

export const DESIGN_FILE_SUFFIX = ".archway.json";

/** Largest import the API accepts (413 above it); checked before reading a file at all. */
export const MAX_DESIGN_FILE_BYTES = 5 * 1024 * 1024;

/** A file-system-safe stem: "Checkout (prod)" becomes "checkout-prod". */
export function designSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "design";
}

/** "Checkout (prod)" becomes "checkout-prod.archway.json". */
export function designFileName(name: string): string {
  return `${designSlug(name)}${DESIGN_FILE_SUFFIX}`;
}

/**
 * The zipped starter repository's file name, the same in the editor's download and the API's Content-Disposition,
 * and named like the folder it unzips into.
 */
export function starterZipFileName(name: string): string {
  return `${projectSlug(name)}-starter.zip`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Read and parse a design file chosen by the person; every failure becomes an issue list, nothing throws. */
export async function readDesignFile(file: Pick<File, "size" | "text">): Promise<DesignParseResult> {
  if (file.size > MAX_DESIGN_FILE_BYTES) {
    return {
      success: false,
      issues: [{ path: "", message: `The file is ${megabytes(file.size)}; a design file can be at most ${megabytes(MAX_DESIGN_FILE_BYTES)}.` }],
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { success: false, issues: [{ path: "", message: `The file could not be read: ${(error as Error).message}` }] };
  }
  return parseDesignJson(text);
}
