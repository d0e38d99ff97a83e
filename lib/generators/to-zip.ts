import { strToU8, Zip, ZipDeflate } from "fflate";
import { sortedFileMap, UnsafeFileMapError } from "./file-map";
import type { GeneratedFile } from "./types";

/**
 * The only module that knows about zips. The same files always give the same bytes: entries sorted by
 * path, one fixed modification time, fixed permissions and compression level. Every path is checked before
 * anything is written, so an entry can never land outside the folder it is unzipped into, and every entry is
 * a regular file (mode 0644): there are no directory, device or symbolic-link entries.
 */

/** 1980-01-01 00:00, the earliest time a zip entry can hold. Built from local-time fields because the zip
 * format stores local time: fflate reads the date back with the local getters, so the bytes are the same in
 * every time zone. */
function fixedModificationTime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

const UNIX = 3;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;
const COMPRESSION_LEVEL = 6;

export function toZip(files: readonly GeneratedFile[]): Uint8Array<ArrayBuffer> {
  const sorted = sortedFileMap(files, "The zip");
  const paths = new Set(sorted.map((file) => file.path));
  for (const file of sorted) {
    const segments = file.path.split("/");
    for (let depth = 1; depth < segments.length; depth += 1) {
      const folder = segments.slice(0, depth).join("/");
      if (paths.has(folder)) throw new UnsafeFileMapError(`The zip would hold "${folder}" as both a file and a folder`);
    }
  }

  // The streaming writer takes entries one at a time, in exactly this order; ZipDeflate compresses
  // synchronously, so every chunk has arrived when end() returns.
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const mtime = fixedModificationTime();
  for (const file of sorted) {
    const entry = new ZipDeflate(file.path, { level: COMPRESSION_LEVEL });
    entry.mtime = mtime;
    entry.os = UNIX;
    entry.attrs = REGULAR_FILE_0644;
    zip.add(entry);
    entry.push(strToU8(file.contents), true);
  }
  zip.end();
  if (failure) throw failure;
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
