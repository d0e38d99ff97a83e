import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { isSafeRelativePath } from "../../generators/naming";
import { IMPORT_LIMITS } from "../limits";
import { ImportError, type SourceFile } from "../types";

/**
 * The text files inside a zip, read so that a hostile archive costs nothing: an entry whose path is absolute or
 * climbs with `..` is refused, and the archive is inflated in small slices while the bytes each entry and all entries
 * produce are counted, so a zip bomb is stopped as soon as it passes the import limits instead of after it has filled
 * memory. Folders, and files that are not UTF-8 text, are skipped.
 */

/** A slice of compressed input: deflate expands at most about 1,032 times, so one slice yields at most ~16 MB. */
const SLICE_BYTES = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function filesInZip(name: string, bytes: Uint8Array): SourceFile[] {
  const files: SourceFile[] = [];
  let total = 0;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const unzip = new Unzip((entry) => {
    if (entry.name.endsWith("/")) return;
    if (!isSafeRelativePath(entry.name)) throw new ImportError(`${name} holds an entry outside the archive: ${JSON.stringify(entry.name)}`, [{ file: name, message: "Unsafe path in zip" }]);
    if (files.length >= IMPORT_LIMITS.files) throw new ImportError(`${name} holds more than ${IMPORT_LIMITS.files} files`, [{ file: name, message: "Too many files" }]);
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, chunk, final) => {
      if (error) throw new ImportError(`${name} is not a readable zip: ${error.message}`, [{ file: `${name}/${entry.name}`, message: error.message }]);
      size += chunk.length;
      total += chunk.length;
      if (size > IMPORT_LIMITS.fileBytes) throw new ImportError(`${entry.name} in ${name} is larger than ${IMPORT_LIMITS.fileBytes / (1024 * 1024)} MB`, [{ file: `${name}/${entry.name}`, message: "File too large" }]);
      if (total > IMPORT_LIMITS.totalBytes) throw new ImportError(`${name} unpacks to more than ${IMPORT_LIMITS.totalBytes / (1024 * 1024)} MB`, [{ file: name, message: "Archive too large when unpacked" }]);
      chunks.push(chunk);
      if (!final) return;
      const joined = new Uint8Array(size);
      let offset = 0;
      for (const piece of chunks) {
        joined.set(piece, offset);
        offset += piece.length;
      }
      try {
        files.push({ path: entry.name, text: decoder.decode(joined) });
      } catch {
        // Not UTF-8 text (an image, a binary): nothing an importer reads.
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) unzip.push(bytes.subarray(offset, offset + SLICE_BYTES), offset + SLICE_BYTES >= bytes.length);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
