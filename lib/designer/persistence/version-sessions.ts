import { COUNTED_COLLECTIONS, type ChangeCounts, type ChangeSummary } from "@/lib/model/change-summary";
import type { VersionSummary } from "./api-client";

/**
 * The version list as people read it: autosaves grouped into editing sessions (saves less than SESSION_GAP_MS
 * apart), each named version on its own line, and for each a short account of what changed.
 */

export const SESSION_GAP_MS = 30 * 60 * 1000;

export type VersionEntry =
  | { kind: "named"; version: VersionSummary }
  | { kind: "session"; versions: VersionSummary[]; changes: ChangeSummary | null };

const NOUNS: Record<(typeof COUNTED_COLLECTIONS)[number], [string, string]> = {
  components: ["component", "components"],
  connections: ["connection", "connections"],
  zones: ["zone", "zones"],
  annotations: ["note", "notes"],
};

function noun(collection: (typeof COUNTED_COLLECTIONS)[number], count: number): string {
  return NOUNS[collection][count === 1 ? 0 : 1];
}

function addCounts(left: ChangeCounts, right: ChangeCounts): ChangeCounts {
  return { added: left.added + right.added, removed: left.removed + right.removed, edited: left.edited + right.edited, moved: left.moved + right.moved };
}

/** The changes of several saves added up; null when none of them has a summary. */
export function totalChanges(summaries: readonly (ChangeSummary | null)[]): ChangeSummary | null {
  const known = summaries.filter((summary): summary is ChangeSummary => summary !== null);
  if (known.length === 0) return null;
  return known.reduce((total, summary) => ({
    components: addCounts(total.components, summary.components),
    connections: addCounts(total.connections, summary.connections),
    zones: addCounts(total.zones, summary.zones),
    annotations: addCounts(total.annotations, summary.annotations),
    designEdited: total.designEdited || summary.designEdited,
  }));
}

/** "+2 components", "−1 connection", "1 zone edited", "3 moved", "settings": the phrases of a summary, in that order. */
export function describeChanges(summary: ChangeSummary): string[] {
  const phrases: string[] = [];
  for (const collection of COUNTED_COLLECTIONS) {
    const { added, removed, edited } = summary[collection];
    if (added > 0) phrases.push(`+${added} ${noun(collection, added)}`);
    if (removed > 0) phrases.push(`−${removed} ${noun(collection, removed)}`);
    if (edited > 0) phrases.push(`${edited} ${noun(collection, edited)} edited`);
  }
  const moved = COUNTED_COLLECTIONS.reduce((sum, collection) => sum + summary[collection].moved, 0);
  if (moved > 0) phrases.push(`${moved} moved`);
  if (summary.designEdited) phrases.push("name or settings");
  return phrases;
}

/** Newest first, as the versions come: named versions stand alone, the autosaves between them form sessions. */
export function groupVersions(newestFirst: readonly VersionSummary[]): VersionEntry[] {
  const entries: VersionEntry[] = [];
  let session: VersionSummary[] = [];
  const closeSession = () => {
    if (session.length > 0) entries.push({ kind: "session", versions: session, changes: totalChanges(session.map((version) => version.changes)) });
    session = [];
  };
  for (const version of newestFirst) {
    if (version.label !== null) {
      closeSession();
      entries.push({ kind: "named", version });
      continue;
    }
    const oldestSoFar = session.at(-1);
    if (oldestSoFar !== undefined && Date.parse(oldestSoFar.createdAt) - Date.parse(version.createdAt) > SESSION_GAP_MS) closeSession();
    session.push(version);
  }
  closeSession();
  return entries;
}
