import type { Design } from "../model";
import { runRules } from "../rules/run-rules";
import type { Finding } from "../rules/support/types";
import { simulate } from "../simulation";
import type { SimulationOptions, SimulationResult } from "../simulation/types";

/**
 * What changed between two designs, as a reviewer asks it: which components, connections and zones were added,
 * removed, renamed or changed (each setting, old → new value, compared on the expanded documents so a default
 * written out is no change), which findings appear and disappear, and what the simulation says at the same load.
 * Items are matched by id; work is linear in the two designs plus one rules run and one simulation of each.
 */

export interface SettingChange {
  /** Dotted path inside the item: `config.replicas`, `retry.maxRetries`, `zoneId`. */
  path: string;
  from: unknown;
  to: unknown;
}

export interface ItemRef {
  id: string;
  name: string;
  /** Component or zone kind; "connection" for connections. */
  kind: string;
}

export interface ItemChange extends ItemRef {
  /** The earlier name when the item was renamed. */
  renamedFrom?: string;
  settings: SettingChange[];
}

export interface CollectionDiff {
  added: ItemRef[];
  removed: ItemRef[];
  changed: ItemChange[];
  /** Items whose only change is their place on the canvas. */
  movedOnly: number;
}

export interface FindingRef {
  id: string;
  ruleId: string;
  severity: Finding["severity"];
  title: string;
  message: string;
}

export interface SimulationSummary {
  availability: number;
  worstP95Ms: number;
  bottleneck?: { id: string; name: string; utilisation: number };
}

export interface UtilisationChange {
  id: string;
  name: string;
  from: number;
  to: number;
}

export interface DesignDiff {
  design: SettingChange[];
  components: CollectionDiff;
  connections: CollectionDiff;
  zones: CollectionDiff;
  /** Notes and shapes. */
  annotations: CollectionDiff;
  findings: { appeared: FindingRef[]; disappeared: FindingRef[] };
  simulation: { loadMultiplier: number; before: SimulationSummary; after: SimulationSummary; utilisation: UtilisationChange[] };
}

export interface DiffOptions {
  /** Multiplies every entry load for the simulation comparison; 1 is each entry's configured load. */
  loadMultiplier?: number;
}

/** A utilisation change smaller than this (5 points) is noise, not a finding of the review. */
const UTILISATION_STEP = 0.05;
const LAYOUT_KEYS = new Set(["position", "size"]);
const IDENTITY_KEYS = new Set(["id", "name", "kind"]);

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** Leaf-level differences between two values; arrays are compared whole. */
function settingChanges(before: unknown, after: unknown, path: string, into: SettingChange[]): void {
  if (isPlain(before) && isPlain(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) settingChanges(before[key], after[key], path === "" ? key : `${path}.${key}`, into);
    return;
  }
  if (!sameValue(before, after)) into.push({ path, from: before, to: after });
}

/** An item's fields by name. */
function fieldsOf(item: object): Plain {
  return Object.fromEntries(Object.entries(item));
}

function diffCollection<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  describe: (item: T, side: "before" | "after") => ItemRef,
): CollectionDiff {
  const previous = new Map(before.map((item) => [item.id, item]));
  const diff: CollectionDiff = { added: [], removed: [], changed: [], movedOnly: 0 };
  for (const item of after) {
    const old = previous.get(item.id);
    previous.delete(item.id);
    if (old === undefined) {
      diff.added.push(describe(item, "after"));
      continue;
    }
    const oldFields = fieldsOf(old);
    const fields = fieldsOf(item);
    const settings: SettingChange[] = [];
    for (const key of new Set([...Object.keys(oldFields), ...Object.keys(fields)])) {
      if (IDENTITY_KEYS.has(key) || LAYOUT_KEYS.has(key)) continue;
      settingChanges(oldFields[key], fields[key], key, settings);
    }
    if (oldFields.kind !== fields.kind) settings.unshift({ path: "kind", from: oldFields.kind, to: fields.kind });
    const ref = describe(item, "after");
    const oldName = describe(old, "before").name;
    const renamed = oldName !== ref.name;
    if (settings.length > 0 || renamed) diff.changed.push({ ...ref, ...(renamed ? { renamedFrom: oldName } : {}), settings });
    else if ([...LAYOUT_KEYS].some((key) => !sameValue(oldFields[key], fields[key]))) diff.movedOnly += 1;
  }
  for (const old of previous.values()) diff.removed.push(describe(old, "before"));
  return diff;
}

function findingRef(finding: Finding): FindingRef {
  return { id: finding.id, ruleId: finding.ruleId, severity: finding.severity, title: finding.title, message: finding.message };
}

function diffFindings(before: Design, after: Design): DesignDiff["findings"] {
  const open = (design: Design) => runRules(design).findings.filter((finding) => !finding.acknowledgement);
  const old = open(before);
  const current = open(after);
  const oldIds = new Set(old.map((finding) => finding.id));
  const currentIds = new Set(current.map((finding) => finding.id));
  return {
    appeared: current.filter((finding) => !oldIds.has(finding.id)).map(findingRef),
    disappeared: old.filter((finding) => !currentIds.has(finding.id)).map(findingRef),
  };
}

function summarise(result: SimulationResult, names: ReadonlyMap<string, string>): SimulationSummary {
  const worstP95Ms = result.paths.reduce((worst, path) => Math.max(worst, path.p95Ms), 0);
  const bottleneck = result.bottleneck;
  return {
    availability: result.availability,
    worstP95Ms,
    ...(bottleneck ? { bottleneck: { id: bottleneck.componentId, name: names.get(bottleneck.componentId) ?? bottleneck.componentId, utilisation: bottleneck.utilisation } } : {}),
  };
}

function diffSimulation(before: Design, after: Design, loadMultiplier: number): DesignDiff["simulation"] {
  const options: SimulationOptions = { loadMultiplier };
  const old = simulate(before, options);
  const current = simulate(after, options);
  const names = new Map([...before.components, ...after.components].map((component) => [component.id, component.name]));
  const utilisation: UtilisationChange[] = [];
  for (const [id, load] of Object.entries(current.components)) {
    const from = old.components[id]?.utilisation ?? 0;
    if (Math.abs(load.utilisation - from) >= UTILISATION_STEP) utilisation.push({ id, name: names.get(id) ?? id, from, to: load.utilisation });
  }
  utilisation.sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || (a.id < b.id ? -1 : 1));
  return { loadMultiplier, before: summarise(old, names), after: summarise(current, names), utilisation };
}

function designSettings(design: Design): Plain {
  return { name: design.name, description: design.description, settings: design.settings };
}

export function diffDesigns(before: Design, after: Design, options: DiffOptions = {}): DesignDiff {
  const componentNames = { before: new Map(before.components.map((c) => [c.id, c.name])), after: new Map(after.components.map((c) => [c.id, c.name])) };
  const design: SettingChange[] = [];
  settingChanges(designSettings(before), designSettings(after), "", design);
  return {
    design,
    components: diffCollection(before.components, after.components, (component) => ({ id: component.id, name: component.name, kind: component.kind })),
    connections: diffCollection(before.connections, after.connections, (connection, side) => {
      const names = componentNames[side];
      return { id: connection.id, name: `${names.get(connection.source) ?? connection.source} → ${names.get(connection.target) ?? connection.target}`, kind: "connection" };
    }),
    zones: diffCollection(before.zones, after.zones, (zone) => ({ id: zone.id, name: zone.name, kind: zone.kind })),
    annotations: diffCollection(before.annotations, after.annotations, (annotation) => ({ id: annotation.id, name: annotation.text.split("\n")[0].slice(0, 60) || annotation.kind, kind: annotation.kind })),
    findings: diffFindings(before, after),
    simulation: diffSimulation(before, after, options.loadMultiplier ?? 1),
  };
}
