import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isSafeRelativePath } from "@/lib/generators/naming";
import { UnsafeFileMapError } from "@/lib/generators/file-map";
import { toZip } from "@/lib/generators/to-zip";
import { centralDirectory } from "./support/zip-entries";

const REGULAR_FILE_0644 = 0o100644;
const SYMLINK_TYPE = 0o120000;
const FILE_TYPE_MASK = 0o170000;
/** 1980-01-01 in DOS date format: (year - 1980) << 9 | month << 5 | day. */
const DOS_1980_01_01 = (0 << 9) | (1 << 5) | 1;

describe("toZip", () => {
  it("writes regular files in path order with one fixed time and mode, and unzips to the same text", () => {
    const files = [
      { path: "b/z.txt", contents: "z" },
      { path: ".gitignore", contents: "node_modules/\n" },
      { path: "a.md", contents: "é 日本語 😀" },
    ];
    const zip = toZip(files);
    const entries = centralDirectory(zip);
    expect(entries.map((entry) => entry.name)).toEqual([".gitignore", "a.md", "b/z.txt"]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ madeBy: 3, unixMode: REGULAR_FILE_0644, dosTime: 0, dosDate: DOS_1980_01_01 });
    }
    const unzipped = unzipSync(zip);
    expect(Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual(
      Object.fromEntries(files.map((file) => [file.path, file.contents])),
    );
  });

  it("gives the same bytes in every time zone", () => {
    const files = [{ path: "README.md", contents: "same" }];
    const previous = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const utc = toZip(files);
      process.env.TZ = "Pacific/Kiritimati";
      const ahead = toZip(files);
      process.env.TZ = "America/Los_Angeles";
      const behind = toZip(files);
      expect(Buffer.from(ahead).equals(Buffer.from(utc))).toBe(true);
      expect(Buffer.from(behind).equals(Buffer.from(utc))).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it.each([
    ["a parent segment", "../escape.txt"],
    ["a nested parent segment", "a/../../escape.txt"],
    ["an absolute path", "/etc/passwd"],
    ["a Windows drive", "C:/windows/win.ini"],
    ["a backslash", "a\\..\\b"],
    ["an empty segment", "a//b"],
    ["a dot segment", "./a"],
    ["a trailing slash (a folder entry)", "folder/"],
    ["a control character", "a\nb"],
    ["an empty path", ""],
  ])("refuses %s", (_label, path) => {
    expect(() => toZip([{ path, contents: "x" }])).toThrow(UnsafeFileMapError);
  });

  it("refuses a path twice, and a path that is both a file and a folder", () => {
    expect(() => toZip([{ path: "a", contents: "1" }, { path: "a", contents: "2" }])).toThrow(/twice/);
    expect(() => toZip([{ path: "a", contents: "1" }, { path: "a/b", contents: "2" }])).toThrow(/both a file and a folder/);
  });

  it("keeps __proto__ and other awkward names as plain entries", () => {
    const zip = toZip([{ path: "__proto__", contents: "p" }, { path: "constructor/x", contents: "c" }]);
    expect(centralDirectory(zip).map((entry) => entry.name)).toEqual(["__proto__", "constructor/x"]);
  });

  it("turns any set of safe paths into regular-file entries that stay inside the root (property)", () => {
    const segment = fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }).filter((text) => isSafeRelativePath(text) && !/^\d+$/.test(text));
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join("/"));
    fc.assert(
      fc.property(fc.uniqueArray(path, { minLength: 1, maxLength: 12 }), fc.string(), (paths, contents) => {
        const set = new Set(paths);
        const files = paths.filter((candidate) => !paths.some((other) => other !== candidate && other.startsWith(`${candidate}/`))).map((candidate) => ({ path: candidate, contents }));
        fc.pre(files.length > 0 && files.every((file) => set.has(file.path)));
        const zip = toZip(files);
        const entries = centralDirectory(zip);
        expect(entries.map((entry) => entry.name)).toEqual(files.map((file) => file.path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        for (const entry of entries) {
          expect(isSafeRelativePath(entry.name)).toBe(true);
          expect(entry.unixMode & FILE_TYPE_MASK).not.toBe(SYMLINK_TYPE);
          expect(entry.unixMode).toBe(REGULAR_FILE_0644);
        }
        expect(Buffer.from(toZip([...files].reverse())).equals(Buffer.from(zip))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
