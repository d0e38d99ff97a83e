import { describe, expect, it } from "vitest";
import { VERSION_RETENTION, versionsToDrop, type RetainableVersion } from "./version-retention";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = new Date("2026-12-01T00:00:00Z").getTime();

/** Saves every `everyMs` from START for `forMs`, compacting after each one as the repository does on write. */
function autosave(everyMs: number, forMs: number, labelled: (revision: number) => string | null = () => null): { versions: RetainableVersion[]; now: Date } {
  let versions: RetainableVersion[] = [];
  let revision = 0;
  let now = new Date(START);
  for (let time = START; time <= START + forMs; time += everyMs) {
    revision += 1;
    now = new Date(time);
    versions.push({ revision, createdAt: now, label: labelled(revision) });
    const drop = new Set(versionsToDrop(versions, now));
    versions = versions.filter((version) => !drop.has(version.revision));
  }
  return { versions, now };
}

function ages(versions: RetainableVersion[], now: Date): number[] {
  return versions.map((version) => now.getTime() - version.createdAt.getTime());
}

describe("version retention", () => {
  it("keeps every version of the last hour", () => {
    const { versions, now } = autosave(MINUTE, 2 * HOUR);
    const lastHour = versions.filter((version) => now.getTime() - version.createdAt.getTime() < HOUR);
    expect(lastHour).toHaveLength(60);
  });

  it("keeps one version per 10 minutes within the day and one per day after, after three days of minute-by-minute saves", () => {
    const { versions, now } = autosave(MINUTE, 3 * DAY);
    const olderThanHour = versions.filter((version) => now.getTime() - version.createdAt.getTime() >= HOUR);
    const withinDay = olderThanHour.filter((version) => now.getTime() - version.createdAt.getTime() < DAY);
    const olderThanDay = olderThanHour.filter((version) => now.getTime() - version.createdAt.getTime() >= DAY);

    const slots = withinDay.map((version) => Math.floor(version.createdAt.getTime() / (10 * MINUTE)));
    expect(new Set(slots).size).toBe(slots.length);
    expect(withinDay.length).toBeGreaterThanOrEqual(6 * 23 - 1);
    const days = olderThanDay.map((version) => Math.floor(version.createdAt.getTime() / DAY));
    expect(new Set(days).size).toBe(days.length);
    expect(olderThanDay.length).toBeGreaterThanOrEqual(2);
    expect(versions.length).toBeLessThanOrEqual(VERSION_RETENTION.quota);
    expect(Math.max(...ages(versions, now))).toBeGreaterThanOrEqual(2 * DAY);
  });

  it("keeps the newest version of each slot, so the kept one is the last state of that slot", () => {
    const { versions } = autosave(MINUTE, 3 * HOUR);
    const keptOld = versions.filter((version) => version.createdAt.getTime() < START + 2 * HOUR - 10 * MINUTE);
    for (const version of keptOld) expect(new Date(version.createdAt.getTime() + MINUTE).getUTCMinutes() % 10, version.createdAt.toISOString()).toBe(0);
  });

  it("never drops a labelled version or the newest, and holds the quota by dropping the oldest unlabelled first", () => {
    const labelEvery = 97;
    const { versions } = autosave(MINUTE, 7 * DAY, (revision) => (revision % labelEvery === 0 ? `Checkpoint ${revision}` : null));
    const labelled = versions.filter((version) => version.label !== null);
    expect(labelled.map((version) => version.revision)).toEqual(Array.from({ length: labelled.length }, (_, index) => (index + 1) * labelEvery));
    expect(versions.length).toBeLessThanOrEqual(VERSION_RETENTION.quota);
  });

  it("holds the quota on a burst of saves, dropping the oldest unlabelled versions first", () => {
    const versions: RetainableVersion[] = Array.from({ length: 260 }, (_, index) => ({
      revision: index + 1,
      createdAt: new Date(START + index * 1000),
      label: index === 0 ? "First draft" : null,
    }));
    const dropped = versionsToDrop(versions, new Date(START + 300 * 1000));
    expect(dropped).toEqual(Array.from({ length: 60 }, (_, index) => index + 2));
    expect(versions.length - dropped.length).toBe(VERSION_RETENTION.quota);
  });

  it("is deterministic and idempotent: compacting the kept set again drops nothing", () => {
    const { versions, now } = autosave(7 * MINUTE, 5 * DAY);
    expect(versionsToDrop(versions, now)).toEqual([]);
    expect(versionsToDrop([...versions].reverse(), now)).toEqual([]);
  });

  it("keeps the newest version even when it is old and unlabelled", () => {
    const versions = [
      { revision: 1, createdAt: new Date(START), label: null },
      { revision: 2, createdAt: new Date(START + 1000), label: null },
    ];
    expect(versionsToDrop(versions, new Date(START + 30 * DAY))).toEqual([1]);
  });
});
