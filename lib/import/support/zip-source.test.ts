import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ImportError } from "../types";
import { filesInZip, isZip } from "./zip-source";

describe("filesInZip", () => {
  it("reads the text files of an archive, sorted by path, skipping folders and binaries", () => {
    const zip = zipSync({ "shop/": {}, "shop/docker-compose.yml": strToU8("services: {}\n"), "shop/logo.png": new Uint8Array([0x89, 0x50, 0xff, 0xfe]), "a.txt": strToU8("é") });
    expect(isZip(zip)).toBe(true);
    expect(filesInZip("shop.zip", zip)).toEqual([
      { path: "a.txt", text: "é" },
      { path: "shop/docker-compose.yml", text: "services: {}\n" },
    ]);
  });

  it("refuses entries that climb out of the archive or are absolute", () => {
    for (const name of ["../evil.yml", "/etc/passwd", "shop/../../x.yml"]) {
      expect(() => filesInZip("evil.zip", zipSync({ [name]: strToU8("x") }))).toThrow(ImportError);
    }
  });

  it("stops a zip bomb as soon as it unpacks past the limit", () => {
    const bomb = zipSync({ "zeros.yml": new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(() => filesInZip("bomb.zip", bomb)).toThrow(/larger than 5 MB/);
  });
});
