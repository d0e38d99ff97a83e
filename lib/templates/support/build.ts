import type { z } from "zod";
import { kindDefinition } from "../../catalog";
import type { ZoneKind } from "../../catalog/zones";
import { COMPONENT_SIZE, ZONE_PADDING, type Rect } from "../../designer/geometry";
import { DesignSchema, SCHEMA_VERSION, type ComponentInput, type ConnectionSchema, type Design, type DesignInput } from "../../model";

/** A column and a row on the template grid. Columns follow the layers a request crosses, left to right. */
export type GridCell = readonly [column: number, row: number];

/**
 * One grid cell: a component card plus room for arrows between columns and for the borders of nested
 * zones (each level adds its padding on every side) between rows.
 */
export const GRID = { column: 300, row: 130 } as const;

type Placed<T> = T extends unknown ? Omit<T, "position"> & { at: GridCell } : never;

/** A component placed on the grid instead of at canvas coordinates. */
export type ComponentSpec = Placed<ComponentInput>;

export interface ZoneSpec {
  id: string;
  kind: ZoneKind;
  name: string;
  parentId?: string;
  cidr?: string;
  code?: string;
  /** Only for a zone with nothing inside: where its single empty cell sits. */
  at?: GridCell;
}

type ConnectionInput = z.input<typeof ConnectionSchema>;

/** A connection; the id defaults to `source-target` and the protocol to what the target kind expects. */
export type ConnectionSpec = Omit<ConnectionInput, "id"> & { id?: string };

export interface DesignSpec {
  name: string;
  description: string;
  settings?: DesignInput["settings"];
  zones?: ZoneSpec[];
  components: ComponentSpec[];
  connections: ConnectionSpec[];
}

function cellRect([column, row]: GridCell): Rect {
  return { x: column * GRID.column, y: row * GRID.row, ...COMPONENT_SIZE };
}

function enclose(rects: readonly Rect[]): Rect {
  const left = Math.min(...rects.map((rect) => rect.x)) - ZONE_PADDING.side;
  const top = Math.min(...rects.map((rect) => rect.y)) - ZONE_PADDING.top;
  const right = Math.max(...rects.map((rect) => rect.x + rect.width)) + ZONE_PADDING.side;
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height)) + ZONE_PADDING.bottom;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Canvas rectangles of every zone: just large enough to hold its components and nested zones with padding. */
function zoneRects(spec: DesignSpec): Map<string, Rect> {
  const zones = spec.zones ?? [];
  const rects = new Map<string, Rect>();
  const visiting = new Set<string>();
  const rectOf = (zone: ZoneSpec): Rect => {
    const known = rects.get(zone.id);
    if (known) return known;
    if (visiting.has(zone.id)) throw new Error(`Template zone "${zone.id}" is nested in itself`);
    visiting.add(zone.id);
    const children = [
      ...spec.components.filter((component) => component.zoneId === zone.id).map((component) => cellRect(component.at)),
      ...zones.filter((child) => child.parentId === zone.id).map(rectOf),
    ];
    if (children.length === 0 && !zone.at) throw new Error(`Template zone "${zone.id}" is empty: give it a cell with \`at\``);
    const rect = enclose(children.length > 0 ? children : [cellRect(zone.at as GridCell)]);
    rects.set(zone.id, rect);
    return rect;
  };
  zones.forEach(rectOf);
  return rects;
}

function originOf(rects: ReadonlyMap<string, Rect>, zoneId: string | undefined): { x: number; y: number } {
  if (zoneId === undefined) return { x: 0, y: 0 };
  const rect = rects.get(zoneId);
  if (!rect) throw new Error(`Template zone "${zoneId}" does not exist`);
  return { x: rect.x, y: rect.y };
}

/**
 * A design document from a grid sketch: components sit in grid cells, zones grow around what they hold,
 * and positions become relative to the enclosing zone as the model expects. The result is parsed by
 * DesignSchema, so every missing setting takes the catalogue's default.
 */
export function buildDesign(spec: DesignSpec): Design {
  const rects = zoneRects(spec);
  const kinds = new Map(spec.components.map((component) => [component.id, component.kind]));
  const document: DesignInput = {
    schemaVersion: SCHEMA_VERSION,
    name: spec.name,
    description: spec.description,
    settings: spec.settings,
    zones: (spec.zones ?? []).map(({ at: _at, ...zone }) => {
      const rect = rects.get(zone.id) as Rect;
      const parent = originOf(rects, zone.parentId);
      return { ...zone, position: { x: rect.x - parent.x, y: rect.y - parent.y }, size: { width: rect.width, height: rect.height } };
    }),
    components: spec.components.map(({ at, ...component }) => {
      const cell = cellRect(at);
      const zone = originOf(rects, component.zoneId);
      return { ...component, position: { x: cell.x - zone.x, y: cell.y - zone.y } } as ComponentInput;
    }),
    connections: spec.connections.map((connection) => {
      const targetKind = kinds.get(connection.target);
      return {
        ...connection,
        id: connection.id ?? `${connection.source}-${connection.target}`,
        protocol: connection.protocol ?? (targetKind ? kindDefinition(targetKind).defaultProtocol : undefined),
      };
    }),
  };
  return DesignSchema.parse(document);
}
