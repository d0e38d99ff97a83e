import { describe, expect, it } from "vitest";
import { summariseChanges } from "@/lib/model/change-summary";
import type { VersionSummary } from "./api-client";
import { describeChanges, groupVersions, SESSION_GAP_MS, totalChanges } from "./version-sessions";

const start = Date.parse("2026-12-07T10:00:00Z");
const minute = 60_000;

function version(revision: number, minutesAfterStart: number, label: string | null = null): VersionSummary {
  const changes = summariseChanges({ components: [] }, { components: [{ id: `c${revision}`, kind: "service" }] });
  return { revision, name: "Shop", createdAt: new Date(start + minutesAfterStart * minute).toISOString(), componentCount: revision, label, changes };
}

describe("groupVersions", () => {
  it("puts saves less than the gap apart in one session and starts another after a pause", () => {
    const newestFirst = [version(5, 200), version(4, 190), version(3, 20), version(2, 10), version(1, 0)];
    const entries = groupVersions(newestFirst);
    expect(entries.map((entry) => (entry.kind === "session" ? entry.versions.map((v) => v.revision) : [entry.version.revision]))).toEqual([
      [5, 4],
      [3, 2, 1],
    ]);
    expect(SESSION_GAP_MS).toBe(30 * minute);
  });

  it("keeps named versions on their own line, splitting the session around them", () => {
    const entries = groupVersions([version(4, 3), version(3, 2, "Before review"), version(2, 1), version(1, 0)]);
    expect(entries.map((entry) => entry.kind)).toEqual(["session", "named", "session"]);
  });

  it("adds up the changes of a session", () => {
    const [session] = groupVersions([version(3, 2), version(2, 1)]);
    expect(session.kind === "session" && session.changes?.components.added).toBe(2);
  });
});

describe("describeChanges", () => {
  it("names additions, removals, edits and moves", () => {
    const summary = summariseChanges(
      {
        name: "Shop",
        components: [
          { id: "api", kind: "service", position: { x: 0, y: 0 } },
          { id: "db", kind: "database", name: "DB" },
          { id: "old", kind: "cache" },
        ],
        connections: [{ id: "e1", sourceId: "api", targetId: "db" }],
      },
      {
        name: "Shop v2",
        components: [
          { id: "api", kind: "service", position: { x: 40, y: 0 } },
          { id: "db", kind: "database", name: "Orders DB" },
          { id: "new", kind: "queue" },
        ],
        connections: [],
      },
    );
    expect(describeChanges(summary)).toEqual(["+1 component", "−1 component", "1 component edited", "−1 connection", "1 moved", "name or settings"]);
  });

  it("says nothing for a save that changed nothing and totals nothing without summaries", () => {
    expect(describeChanges(summariseChanges({ components: [{ id: "a" }] }, { components: [{ id: "a" }] }))).toEqual([]);
    expect(totalChanges([null, null])).toBeNull();
  });
});
