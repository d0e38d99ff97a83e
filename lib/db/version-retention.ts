/**
 * Which versions of a design are kept. Every save adds a version; without compaction a design edited for a day
 * keeps thousands of full copies. The policy, run on every write (pure, so it is tested with injected clocks):
 *
 * - labelled versions (named by the user) are kept forever, and the newest version (the current document) always;
 * - unlabelled versions younger than an hour are all kept;
 * - between an hour and a day old, the newest of each 10-minute slot (wall-clock aligned) is kept;
 * - older than a day, the newest of each UTC day is kept;
 * - at most QUOTA versions remain: beyond it the oldest unlabelled ones go first.
 *
 * Slots are aligned to the clock rather than to the age, so a version kept once as the newest of its slot stays
 * the newest of it: compaction never has to revisit a decision because time moved on.
 */

export const VERSION_RETENTION = {
  keepEveryVersionForMs: 60 * 60 * 1000,
  tenMinuteSlotsForMs: 24 * 60 * 60 * 1000,
  slotMs: 10 * 60 * 1000,
  dayMs: 24 * 60 * 60 * 1000,
  /** Versions kept per design, labelled ones included. */
  quota: 200,
  /** Labelled versions per design; below the quota so that autosaves always have room. */
  maxLabelled: 50,
} as const;

export interface RetainableVersion {
  revision: number;
  createdAt: Date;
  label: string | null;
}

/** The slot a version competes in for being kept, or null when it is young enough to be kept regardless. */
function slotOf(version: RetainableVersion, now: Date): string | null {
  const time = version.createdAt.getTime();
  const age = now.getTime() - time;
  if (age < VERSION_RETENTION.keepEveryVersionForMs) return null;
  if (age < VERSION_RETENTION.tenMinuteSlotsForMs) return `slot:${Math.floor(time / VERSION_RETENTION.slotMs)}`;
  return `day:${Math.floor(time / VERSION_RETENTION.dayMs)}`;
}

/** Revisions to delete at `now`, oldest first; never a labelled version and never the newest. */
export function versionsToDrop(versions: readonly RetainableVersion[], now: Date): number[] {
  const newestFirst = [...versions].sort((a, b) => b.revision - a.revision);
  const claimedSlots = new Set<string>();
  const kept: RetainableVersion[] = [];
  const dropped: number[] = [];
  newestFirst.forEach((version, index) => {
    const time = version.createdAt.getTime();
    const slot = slotOf(version, now);
    // Every version, kept or not, claims both of its slots, so an older one in the same slot is never the newest.
    const alreadyClaimed = slot !== null && claimedSlots.has(slot);
    claimedSlots.add(`slot:${Math.floor(time / VERSION_RETENTION.slotMs)}`);
    claimedSlots.add(`day:${Math.floor(time / VERSION_RETENTION.dayMs)}`);
    if (index === 0 || version.label !== null || !alreadyClaimed) kept.push(version);
    else dropped.push(version.revision);
  });
  const overQuota = kept.length - VERSION_RETENTION.quota;
  if (overQuota > 0) {
    const removable = kept
      .slice(1)
      .filter((version) => version.label === null)
      .sort((a, b) => a.revision - b.revision)
      .slice(0, overQuota);
    dropped.push(...removable.map((version) => version.revision));
  }
  return dropped.sort((a, b) => a - b);
}
