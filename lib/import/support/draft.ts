import { defaultConfig, kindDefinition, type ComponentKind, type Protocol } from "../../catalog";
import type { ZoneKind } from "../../catalog/zones";
import { slug } from "../../generators/naming";
import { EDGE_TIMEOUT_MS, LIMITS, parseDesign, SCHEMA_VERSION, TIMEOUT_STEP_MS, type Design } from "../../model";
import { ANNOTATION_LIMITS } from "../../model/annotations";
import { ImportError, type Unmapped } from "../types";
import { DEFAULT_ZONE_SIZE } from "../../designer/geometry";
import { applyLayout } from "../../designer/commands/apply-layout";
import { layoutDesign } from "../../designer/layout";

/**
 * The design an importer builds up while it reads: components, zones and connections named by the importer's own
 * keys (`aws_ecs_service.orders`, `Deployment/shop/cart`), turned into ids, defaults, timeouts and positions only at
 * the end, so every importer produces designs the same way. Adding the same connection twice keeps one; ids come from
 * names (slugged, unique, deterministic in the order things were added).
 */

export interface DraftZone {
  key: string;
  kind: ZoneKind;
  name: string;
  parentKey?: string;
  cidr?: string;
  code?: string;
}

export interface DraftComponent {
  key: string;
  kind: ComponentKind;
  name: string;
  zoneKey?: string;
  /** Settings read from the source; everything else keeps the catalogue's defaults. */
  config?: Record<string, unknown>;
}

export interface DraftConnection {
  sourceKey: string;
  targetKey: string;
  protocol?: Protocol;
  label?: string;
  pathPrefix?: string;
  timeoutMs?: number;
  tls?: boolean;
}

const ID_LENGTH = 63;

function deepMerge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    const bothObjects = typeof value === "object" && value !== null && !Array.isArray(value) && typeof current === "object" && current !== null && !Array.isArray(current);
    merged[key] = bothObjects ? deepMerge(current as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return merged;
}

export class DesignDraft {
  private readonly zones = new Map<string, DraftZone>();
  private readonly components = new Map<string, DraftComponent>();
  private readonly connections = new Map<string, DraftConnection>();
  private readonly unmappedItems: Unmapped[] = [];

  constructor(private readonly name: string) {}

  hasComponent(key: string): boolean {
    return this.components.has(key);
  }

  hasZone(key: string): boolean {
    return this.zones.has(key);
  }

  addZone(zone: DraftZone): void {
    if (!this.zones.has(zone.key)) this.zones.set(zone.key, zone);
  }

  addComponent(component: DraftComponent): void {
    if (!this.components.has(component.key)) this.components.set(component.key, component);
  }

  /** Updates settings of a component already added (a later resource says more about it). */
  configure(key: string, config: Record<string, unknown>): void {
    const component = this.components.get(key);
    if (component) component.config = deepMerge(component.config ?? {}, config);
  }

  /** Keeps the first connection between two components; a connection to itself or to an unknown key is ignored. */
  connect(connection: DraftConnection): void {
    if (connection.sourceKey === connection.targetKey) return;
    const key = `${connection.sourceKey}\u0000${connection.targetKey}`;
    if (!this.connections.has(key)) this.connections.set(key, connection);
  }

  unmapped(item: Unmapped): void {
    this.unmappedItems.push(item);
  }

  /** The design (validated by the schema) and the unmapped list, sorted by file, line and item. */
  build(): { design: Design; unmapped: Unmapped[] } {
    if (this.components.size === 0) throw new ImportError("Nothing in these files maps to a component", []);
    if (this.components.size > LIMITS.components) throw new ImportError(`The files describe ${this.components.size} components; a design holds at most ${LIMITS.components}`, []);
    const taken = new Set<string>();
    const idFor = (name: string, fallback: string) => {
      const base = slug(name, ID_LENGTH - 4, fallback);
      let id = base;
      for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
      taken.add(id);
      return id;
    };
    const zoneIds = new Map<string, string>();
    for (const zone of this.zones.values()) zoneIds.set(zone.key, idFor(zone.name, zone.kind));
    const componentIds = new Map<string, string>();
    for (const component of this.components.values()) componentIds.set(component.key, idFor(component.name, component.kind));

    const connections = [...this.connections.values()].filter((connection) => componentIds.has(connection.sourceKey) && componentIds.has(connection.targetKey));
    const kinds = new Map([...this.components.values()].map((component) => [component.key, component.kind]));
    const timeouts = chainTimeouts(connections, kinds);
    const designConnections = connections.map((connection, index) => {
      const protocol = connection.protocol ?? kindDefinition(kinds.get(connection.targetKey)!).defaultProtocol;
      const timeoutMs = protocol === "async" ? undefined : (connection.timeoutMs ?? timeouts.get(connection) ?? EDGE_TIMEOUT_MS);
      return {
        id: idFor(`conn-${index + 1}`, "conn"),
        source: componentIds.get(connection.sourceKey)!,
        target: componentIds.get(connection.targetKey)!,
        protocol,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(connection.pathPrefix ? { pathPrefix: connection.pathPrefix } : {}),
        ...(connection.tls === undefined ? {} : { tls: connection.tls }),
        ...(connection.label ? { label: connection.label } : {}),
      };
    });
    const zones = [...this.zones.values()].map((zone) => ({
      id: zoneIds.get(zone.key)!,
      kind: zone.kind,
      name: zone.name,
      ...(zone.parentKey !== undefined && zoneIds.has(zone.parentKey) ? { parentId: zoneIds.get(zone.parentKey)! } : {}),
      ...(zone.cidr ? { cidr: zone.cidr } : {}),
      ...(zone.code ? { code: zone.code } : {}),
      position: { x: 0, y: 0 },
      size: DEFAULT_ZONE_SIZE[zone.kind],
    }));
    const components = [...this.components.values()].map((component) => ({
      id: componentIds.get(component.key)!,
      kind: component.kind,
      name: component.name,
      ...(component.zoneKey !== undefined && zoneIds.has(component.zoneKey) ? { zoneId: zoneIds.get(component.zoneKey)! } : {}),
      position: { x: 0, y: 0 },
      config: deepMerge(defaultConfig(component.kind), component.config ?? {}),
    }));
    const unmapped = [...this.unmappedItems].sort(
      (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.item.localeCompare(b.item),
    );
    const description = unmapped.length === 0 ? "" : `Imported; ${unmapped.length} item${unmapped.length === 1 ? " was" : "s were"} not mapped (listed in the note "Not mapped on import").`;
    const drawn = valid({ schemaVersion: SCHEMA_VERSION, name: this.name, description, components, zones, connections: designConnections });
    // The editor's auto-layout: zones kept, each laid out inside first, the request flow left to right.
    const laidOut = applyLayout(drawn, layoutDesign(drawn));
    if (unmapped.length === 0) return { design: laidOut, unmapped };
    return { design: valid({ ...laidOut, annotations: [{ id: idFor("Not mapped on import", "note"), ...unmappedNote(unmapped, laidOut) }] }), unmapped };
  }
}

function valid(candidate: unknown): Design {
  const parsed = parseDesign(candidate);
  if (!parsed.success) {
    throw new ImportError("The imported design is not valid", parsed.issues.slice(0, 20).map((issue) => ({ file: "(design)", message: `${issue.path}: ${issue.message}` })));
  }
  return parsed.design;
}

/** The unmapped items as a note below the drawing, so they stay in the design and are not forgotten. */
function unmappedNote(unmapped: readonly Unmapped[], arranged: Design) {
  const bottom = Math.max(
    0,
    ...arranged.components.filter((component) => component.zoneId === undefined).map((component) => component.position.y + 56),
    ...arranged.zones.filter((zone) => zone.parentId === undefined).map((zone) => zone.position.y + zone.size.height),
  );
  const lines = ["Not mapped on import:"];
  let length = lines[0].length;
  for (const [index, item] of unmapped.entries()) {
    const line = `• ${item.file}${item.line === undefined ? "" : `:${item.line}`} ${item.item}: ${item.reason}`;
    const more = `… and ${unmapped.length - index} more`;
    if (length + line.length + more.length + 2 > ANNOTATION_LIMITS.textLength) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return { kind: "note", text: lines.join("\n"), position: { x: 0, y: bottom + 60 }, size: { width: 560, height: Math.min(600, 40 + 18 * lines.length) } };
}

/** Timeouts that shrink along each chain like the editor's (60 s at the edge, 5 s less per hop, at least 1 s). */
function chainTimeouts(connections: readonly DraftConnection[], kinds: ReadonlyMap<string, ComponentKind>): Map<DraftConnection, number> {
  const outgoing = new Map<string, DraftConnection[]>();
  const incoming = new Set<string>();
  for (const connection of connections) {
    const list = outgoing.get(connection.sourceKey);
    if (list) list.push(connection);
    else outgoing.set(connection.sourceKey, [connection]);
    incoming.add(connection.targetKey);
  }
  const timeouts = new Map<DraftConnection, number>();
  const budget = new Map<string, number>();
  const queue = [...kinds.keys()].filter((key) => !incoming.has(key));
  for (const key of queue) budget.set(key, EDGE_TIMEOUT_MS + TIMEOUT_STEP_MS);
  for (let index = 0; index < queue.length; index += 1) {
    const key = queue[index];
    const own = Math.max(1000, (budget.get(key) ?? EDGE_TIMEOUT_MS + TIMEOUT_STEP_MS) - TIMEOUT_STEP_MS);
    for (const connection of outgoing.get(key) ?? []) {
      if (timeouts.has(connection)) continue;
      timeouts.set(connection, own);
      if (!budget.has(connection.targetKey)) {
        budget.set(connection.targetKey, own);
        queue.push(connection.targetKey);
      }
    }
  }
  return timeouts;
}
