import { describe, expect, it } from "vitest";
import { UnsafeFileMapError } from "@/lib/generators/file-map";
import { starterRepoFiles } from "@/lib/generators/starter-repo";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { toZip, writeZip } from "@/lib/generators/to-zip";
import { TEMPLATES } from "@/lib/templates";

function streamed(files: Parameters<typeof writeZip>[0], pieceBytes?: number): { bytes: Buffer; pieces: number[] } {
  const pieces: Uint8Array[] = [];
  writeZip(files, (piece) => pieces.push(piece), pieceBytes);
  return { bytes: Buffer.concat(pieces), pieces: pieces.map((piece) => piece.byteLength) };
}

describe("writeZip (the streamed starter zip)", () => {
  it.each(TEMPLATES.map((template) => [template.id, template.design] as const))("gives exactly toZip's bytes for the %s template", (_id, design) => {
    const files = starterRepoFiles(design, { archwayVersion: ARCHWAY_VERSION });
    const whole = Buffer.from(toZip(files));
    expect(streamed(files).bytes.equals(whole)).toBe(true);
    // Small pieces cross entry boundaries everywhere; the bytes must not depend on where the cuts fall.
    const small = streamed(files, 1000);
    expect(small.bytes.equals(whole)).toBe(true);
    expect(small.pieces.length).toBeGreaterThan(1);
  });

  it("refuses an unsafe file map before sending a single byte", () => {
    const pieces: Uint8Array[] = [];
    expect(() =>
      writeZip(
        [
          { path: "a", contents: "file" },
          { path: "a/b", contents: "inside a file" },
        ],
        (piece) => pieces.push(piece),
      ),
    ).toThrow(UnsafeFileMapError);
    expect(() => writeZip([{ path: "../escape", contents: "" }], (piece) => pieces.push(piece))).toThrow(UnsafeFileMapError);
    expect(pieces).toEqual([]);
  });
});
