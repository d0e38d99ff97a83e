import { showBidiControls } from "../generators/naming";
import { markdownText } from "../generators/starter-repo/markdown";
import { formatMs, formatPercent } from "../simulation/format";
import type { CollectionDiff, DesignDiff, FindingRef, ItemChange, ItemRef, SettingChange, SimulationSummary } from "./diff";

/**
 * A design diff for people: plain text for terminals and Markdown for pull-request comments, both rendered from one
 * outline (sections of entries with nested details), so the two never say different things. Names are user text:
 * bidirectional controls are shown, never obeyed, and Markdown escapes every inline mark.
 */

export interface DiffEntry {
  mark: "+" | "−" | "~";
  text: string;
  details: string[];
}

export interface DiffSection {
  title: string;
  summary: string;
  entries: DiffEntry[];
}

/** Longest list a section prints; the rest is counted. */
export const MAX_ENTRIES_PER_SECTION = 50;

const MARK_WORDS: Record<DiffEntry["mark"], string> = { "+": "Added", "−": "Removed", "~": "Changed" };
const SEVERITY_MARKS: Record<FindingRef["severity"], string> = { error: "✗", warning: "!", info: "i" };

function shown(name: string): string {
  return showBidiControls(name);
}

function value(setting: unknown): string {
  return setting === undefined ? "(unset)" : JSON.stringify(setting);
}

function settingLine(change: SettingChange): string {
  return `${change.path}: ${value(change.from)} → ${value(change.to)}`;
}

function itemText(item: ItemRef): string {
  return `${shown(item.name)} (${item.kind})`;
}

function changedEntry(item: ItemChange): DiffEntry {
  const renamed = item.renamedFrom === undefined ? "" : `, renamed from "${shown(item.renamedFrom)}"`;
  return { mark: "~", text: `${itemText(item)}${renamed}`, details: item.settings.map(settingLine) };
}

function collectionSection(title: string, diff: CollectionDiff): DiffSection {
  const moved = diff.movedOnly > 0 ? `, ${diff.movedOnly} only moved` : "";
  return {
    title,
    summary: `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed${moved}`,
    entries: [
      ...diff.added.map((item): DiffEntry => ({ mark: "+", text: itemText(item), details: [] })),
      ...diff.removed.map((item): DiffEntry => ({ mark: "−", text: itemText(item), details: [] })),
      ...diff.changed.map(changedEntry),
    ],
  };
}

function findingEntry(mark: DiffEntry["mark"], finding: FindingRef): DiffEntry {
  return { mark, text: `${SEVERITY_MARKS[finding.severity]} ${finding.title} (${finding.ruleId})`, details: [shown(finding.message)] };
}

function simulationLine(label: string, before: string, after: string): string {
  return before === after ? `${label}: ${after}` : `${label}: ${before} → ${after}`;
}

function bottleneckText(summary: SimulationSummary): string {
  return summary.bottleneck ? `${shown(summary.bottleneck.name)} at ${formatPercent(summary.bottleneck.utilisation)}` : "none";
}

/** The diff as sections of entries with details: what the text, Markdown and the Versions panel all show. */
export function diffOutline(diff: DesignDiff): DiffSection[] {
  const { simulation } = diff;
  return [
    { title: "Design", summary: diff.design.length === 0 ? "unchanged" : `${diff.design.length} changed`, entries: diff.design.map((change) => ({ mark: "~", text: settingLine(change), details: [] })) },
    collectionSection("Components", diff.components),
    collectionSection("Connections", diff.connections),
    collectionSection("Zones", diff.zones),
    collectionSection("Notes and shapes", diff.annotations),
    {
      title: "Findings",
      summary: `${diff.findings.appeared.length} new, ${diff.findings.disappeared.length} resolved`,
      entries: [...diff.findings.appeared.map((finding) => findingEntry("+", finding)), ...diff.findings.disappeared.map((finding) => findingEntry("−", finding))],
    },
    {
      title: `Simulation at ${simulation.loadMultiplier}× the configured load`,
      summary: [
        simulationLine("availability", formatPercent(simulation.before.availability), formatPercent(simulation.after.availability)),
        simulationLine("worst p95", formatMs(simulation.before.worstP95Ms), formatMs(simulation.after.worstP95Ms)),
        simulationLine("bottleneck", bottleneckText(simulation.before), bottleneckText(simulation.after)),
      ].join("; "),
      entries: simulation.utilisation.map((change) => ({
        mark: "~",
        text: `${shown(change.name)}: utilisation ${formatPercent(change.from)} → ${formatPercent(change.to)}`,
        details: [],
      })),
    },
  ];
}

function limited(entries: readonly DiffEntry[]): { shown: DiffEntry[]; more: number } {
  return { shown: entries.slice(0, MAX_ENTRIES_PER_SECTION), more: Math.max(0, entries.length - MAX_ENTRIES_PER_SECTION) };
}

export function diffAsText(diff: DesignDiff): string {
  const lines: string[] = [];
  for (const section of diffOutline(diff)) {
    lines.push(`${section.title}: ${section.summary}`);
    const { shown: entries, more } = limited(section.entries);
    for (const entry of entries) {
      lines.push(`  ${entry.mark} ${entry.text}`);
      for (const detail of entry.details) lines.push(`      ${detail}`);
    }
    if (more > 0) lines.push(`  … and ${more} more`);
  }
  return `${lines.join("\n")}\n`;
}

export function diffAsMarkdown(diff: DesignDiff): string {
  const blocks: string[] = [];
  for (const section of diffOutline(diff)) {
    const lines = [`### ${markdownText(section.title)}`, "", markdownText(section.summary)];
    const { shown: entries, more } = limited(section.entries);
    if (entries.length > 0) lines.push("");
    for (const entry of entries) {
      lines.push(`- **${MARK_WORDS[entry.mark]}** ${markdownText(entry.text)}`);
      for (const detail of entry.details) lines.push(`  - ${markdownText(detail)}`);
    }
    if (more > 0) lines.push(`- … and ${more} more`);
    blocks.push(lines.join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
