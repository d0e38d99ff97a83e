import { describe, expect, it } from "vitest";
import { formatAgo, formatMoment } from "./time-format";

const now = new Date(2024, 5, 15, 14, 30);

describe("formatMoment", () => {
  it("shows only the time for today, the day for this year, the year otherwise", () => {
    expect(formatMoment(new Date(2024, 5, 15, 9, 5), now, "en-GB")).toBe("9:05");
    expect(formatMoment(new Date(2024, 5, 15, 9, 5), now, "en-US")).toBe("9:05 AM");
    expect(formatMoment(new Date(2024, 2, 3, 9, 5), now, "en-GB")).toBe("3 Mar, 9:05");
    expect(formatMoment(new Date(2023, 2, 3, 9, 5), now, "en-GB")).toBe("3 Mar 2023, 9:05");
  });
});

describe("formatAgo", () => {
  it("says how long ago in the largest fitting unit, then falls back to the date", () => {
    const ago = (ms: number) => formatAgo(now.getTime() - ms, now, "en");
    expect(ago(10_000)).toBe("just now");
    expect(ago(5 * 60_000)).toBe("5 minutes ago");
    expect(ago(3 * 3_600_000)).toBe("3 hours ago");
    expect(ago(2 * 86_400_000)).toBe("2 days ago");
    expect(formatAgo(new Date(2024, 2, 3, 9, 5), now, "en-GB")).toBe("3 Mar, 9:05");
  });
});
