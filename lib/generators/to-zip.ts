import { strToU8, Zip, ZipDeflate } from "fflate";
import { sortedFileMap, UnsafeFileMapError } from "./file-map";
import type { GeneratedFile } from "./types";

/**
 * The only module that knows about zips. The same files always give the same bytes: entries sorted by
 * path, one fixed modification time, fixed permissions and compression level. Every path is checked before
 * anything is written, so an entry can never land outside the folder it is unzipped into, a refused file map never
 * produces a partial zip, and every entry is a regular file (mode 0644): there are no directory, device or
 * symbolic-link entries. `writeZip` hands the archive on piece by piece (the export route streams it); `toZip`
 * collects the same pieces into one array.
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

/** Fewer, larger pieces: a zip of 100,000 entries would otherwise arrive as 300,000 tiny chunks. */
const DEFAULT_PIECE_BYTES = 256 * 1024;

/** Calls `onPiece` with consecutive slices of the zip, each about `pieceBytes` long (the last may be shorter). */
export function writeZip(files: readonly GeneratedFile[], onPiece: (piece: Uint8Array<ArrayBuffer>) => void, pieceBytes = DEFAULT_PIECE_BYTES): void {
  const sorted = sortedFileMap(files, "The zip");
  const paths = new Set(sorted.map((file) => file.path));
  for (const file of sorted) {
    const segments = file.path.split("/");
    for (let depth = 1; depth < segments.length; depth += 1) {
      const folder = segments.slice(0, depth).join("/");
      if (paths.has(folder)) throw new UnsafeFileMapError(`The zip would hold "${folder}" as both a file and a folder`);
    }
  }

  const piece = new Uint8Array(pieceBytes);
  let filled = 0;
  const flush = () => {
    if (filled === 0) return;
    onPiece(piece.slice(0, filled));
    filled = 0;
  };
  const append = (chunk: Uint8Array) => {
    if (chunk.byteLength >= pieceBytes) {
      flush();
      onPiece(chunk.slice());
      return;
    }
    if (filled + chunk.byteLength > pieceBytes) flush();
    piece.set(chunk, filled);
    filled += chunk.byteLength;
  };

  // ZipDeflate compresses synchronously, so every chunk of an entry has arrived when push() returns.
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else append(chunk);
  });
  const mtime = fixedModificationTime();
  for (const file of sorted) {
    const entry = new ZipDeflate(file.path, { level: COMPRESSION_LEVEL });
    entry.mtime = mtime;
    entry.os = UNIX;
    entry.attrs = REGULAR_FILE_0644;
    zip.add(entry);
    entry.push(strToU8(file.contents), true);
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  flush();
}

export function toZip(files: readonly GeneratedFile[]): Uint8Array<ArrayBuffer> {
  const pieces: Uint8Array[] = [];
  writeZip(files, (piece) => pieces.push(piece));
  const bytes = new Uint8Array(pieces.reduce((total, piece) => total + piece.byteLength, 0));
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece, offset);
    offset += piece.byteLength;
  }
  return bytes;
}
