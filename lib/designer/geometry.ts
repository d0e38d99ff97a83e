import { ZONE_DEFINITIONS, type ZoneKind } from "@/lib/catalog/zones";
import type { Design, Zone } from "@/lib/model";

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Point, Size {}

/** Every component card has the same size, so React Flow never has to measure 500 of them. */
export const COMPONENT_SIZE: Size = { width: 188, height: 56 };

/** Room inside a zone for its label, and around its children when a zone grows to hold them. */
export const ZONE_PADDING = { top: 40, side: 20, bottom: 20 } as const;

export const DEFAULT_ZONE_SIZE: Record<ZoneKind, Size> = {
  region: { width: 960, height: 600 },
  vpc: { width: 840, height: 480 },
  "availability-zone": { width: 400, height: 400 },
  "public-subnet": { width: 360, height: 180 },
  "private-subnet": { width: 360, height: 180 },
  "k8s-namespace": { width: 360, height: 220 },
};

export function zoneIndex(design: Design): Map<string, Zone> {
  return new Map(design.zones.map((zone) => [zone.id, zone]));
}

/** Top-left corner of a zone in canvas coordinates (zone positions are relative to their parent). */
export function zoneOrigin(zones: ReadonlyMap<string, Zone>, zoneId: string | undefined): Point {
  let x = 0;
  let y = 0;
  const seen = new Set<string>();
  let current = zoneId === undefined ? undefined : zones.get(zoneId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    x += current.position.x;
    y += current.position.y;
    current = current.parentId === undefined ? undefined : zones.get(current.parentId);
  }
  return { x, y };
}

export function zoneRect(zones: ReadonlyMap<string, Zone>, zone: Zone): Rect {
  const origin = zoneOrigin(zones, zone.id);
  return { ...origin, ...zone.size };
}

export function zoneDepth(zones: ReadonlyMap<string, Zone>, zone: Zone): number {
  let depth = 0;
  const seen = new Set<string>([zone.id]);
  let current = zone.parentId === undefined ? undefined : zones.get(zone.parentId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    depth += 1;
    current = current.parentId === undefined ? undefined : zones.get(current.parentId);
  }
  return depth;
}

/** Ids of the zone and every zone nested in it, at any depth. */
export function zoneAndDescendants(design: Design, zoneId: string): Set<string> {
  const result = new Set([zoneId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const zone of design.zones) {
      if (zone.parentId !== undefined && result.has(zone.parentId) && !result.has(zone.id)) {
        result.add(zone.id);
        grew = true;
      }
    }
  }
  return result;
}

function containsPoint(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

/** The innermost zone under `point` that `accept`s; later zones win ties because they are drawn on top. */
export function innermostZoneAt(design: Design, point: Point, accept: (zone: Zone) => boolean = () => true): Zone | undefined {
  const zones = zoneIndex(design);
  let best: { zone: Zone; depth: number } | undefined;
  for (const zone of design.zones) {
    if (!accept(zone) || !containsPoint(zoneRect(zones, zone), point)) continue;
    const depth = zoneDepth(zones, zone);
    if (!best || depth >= best.depth) best = { zone, depth };
  }
  return best?.zone;
}

export function canNestZone(childKind: ZoneKind, parentKind: ZoneKind): boolean {
  return ZONE_DEFINITIONS[childKind].allowedParents.includes(parentKind);
}

/** Where a zone of `kind` dropped at `point` belongs: inside an allowed parent, at the top level, or nowhere. */
export function zoneParentAt(
  design: Design,
  kind: ZoneKind,
  point: Point,
  excluded: ReadonlySet<string> = new Set(),
): { allowed: true; parentId: string | undefined } | { allowed: false; reason: string } {
  const parent = innermostZoneAt(design, point, (zone) => !excluded.has(zone.id) && canNestZone(kind, zone.kind));
  if (parent) return { allowed: true, parentId: parent.id };
  const definition = ZONE_DEFINITIONS[kind];
  if (definition.topLevel) return { allowed: true, parentId: undefined };
  const parents = definition.allowedParents.map((parentKind) => ZONE_DEFINITIONS[parentKind].label).join(" or ");
  return { allowed: false, reason: `A ${definition.label} must be placed inside a ${parents}: drop it onto one.` };
}

/** True when two rectangles share area, or come closer than `gap` (touching is not overlapping). */
export function rectsOverlap(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The area two rectangles share, 0 when they are apart. */
export function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

export function centerOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}
