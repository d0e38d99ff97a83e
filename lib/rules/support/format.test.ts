import { describe, expect, test } from "vitest";
import { formatDuration, listNames } from "./format";

describe("format", () => {
  test("durations use the seeds' units", () => {
    expect([formatDuration(500), formatDuration(1_500), formatDuration(60_000), formatDuration(12_345)]).toEqual(["500 ms", "1.5 s", "60 s", "12.3 s"]);
  });

  test("lists read as prose", () => {
    expect([listNames([]), listNames(["A"]), listNames(["A", "B"]), listNames(["A", "B", "C"])]).toEqual(["", "A", "A and B", "A, B and C"]);
  });
});
