import { kindDefinition, type ComponentKind } from "@/lib/catalog";
import { ZONE_DEFINITIONS, type ZoneKind } from "@/lib/catalog/zones";
import { createComponent, newZoneId, type Design, type Zone } from "@/lib/model";
import { RECORD } from "../history";
import { DEFAULT_ZONE_SIZE, zoneIndex, zoneOrigin, zoneParentAt, type Point } from "../geometry";
import { freeCardSpot } from "../placement";
import { selectionOf } from "../selection";
import { growZonesToFit } from "./fit-zones";
import { refuse, type Command } from "./types";

/**
 * Adds a component in the zone under `center` (canvas coordinates): centred there when that spot is free,
 * otherwise at the nearest spot in that zone where it touches no other card.
 */
export function addComponentCommand(kind: ComponentKind, center: Point): Command {
  return {
    label: `Add ${kindDefinition(kind).label}`,
    undo: RECORD,
    run(design) {
      const spot = freeCardSpot(design, center);
      const origin = zoneOrigin(zoneIndex(design), spot.zoneId);
      const position = { x: spot.topLeft.x - origin.x, y: spot.topLeft.y - origin.y };
      const component = createComponent(design, kind, position, spot.zoneId);
      const added = growZonesToFit({ ...design, components: [...design.components, component] }, spot.zoneId);
      return { design: added, selection: selectionOf({ componentIds: [component.id] }) };
    },
  };
}

function uniqueZoneName(design: Design, label: string): string {
  const names = new Set(design.zones.map((zone) => zone.name));
  let name = label;
  for (let n = 2; names.has(name); n += 1) name = `${label} ${n}`;
  return name;
}

/** Sensible addresses for a new zone: the design's region, the next AZ letter, the next free /24 subnet. */
function zoneDefaults(design: Design, kind: ZoneKind): Pick<Zone, "cidr" | "code"> {
  const region = design.settings.cloudRegion;
  if (kind === "region") return { code: region };
  if (kind === "availability-zone") {
    const taken = new Set(design.zones.map((zone) => zone.code));
    const letter = "abcdefghijklmnopqrstuvwxyz".split("").find((candidate) => !taken.has(`${region}${candidate}`)) ?? "a";
    return { code: `${region}${letter}` };
  }
  if (kind === "vpc") return { cidr: "10.0.0.0/16" };
  if (kind === "public-subnet" || kind === "private-subnet") {
    const taken = new Set(design.zones.map((zone) => zone.cidr));
    let third = kind === "public-subnet" ? 1 : 11;
    while (taken.has(`10.0.${third}.0/24`) && third < 255) third += 1;
    return { cidr: `10.0.${third}.0/24` };
  }
  return {};
}

/**
 * Where the pointer is on a new zone: on its header, near the top-left corner. A zone dropped there keeps its
 * name and handle in view, and its body opens to the right and below, instead of being centred on the pointer
 * with the header off-screen.
 */
export const ZONE_GRIP = { x: 60, y: 20 } as const;

/** Adds a zone held by its header at `point`, nested in the innermost zone there that may hold it. */
export function addZoneCommand(kind: ZoneKind, point: Point): Command {
  return {
    label: `Add ${ZONE_DEFINITIONS[kind].label}`,
    undo: RECORD,
    run(design) {
      const placement = zoneParentAt(design, kind, point);
      if (!placement.allowed) return refuse(design, placement.reason);
      const size = DEFAULT_ZONE_SIZE[kind];
      const origin = zoneOrigin(zoneIndex(design), placement.parentId);
      const zone: Zone = {
        id: newZoneId(design, kind),
        kind,
        name: uniqueZoneName(design, ZONE_DEFINITIONS[kind].label),
        ...(placement.parentId === undefined ? {} : { parentId: placement.parentId }),
        position: { x: Math.round(point.x - ZONE_GRIP.x - origin.x), y: Math.round(point.y - ZONE_GRIP.y - origin.y) },
        size,
        ...zoneDefaults(design, kind),
      };
      const added = growZonesToFit({ ...design, zones: [...design.zones, zone] }, placement.parentId);
      return { design: added, selection: selectionOf({ zoneIds: [zone.id] }) };
    },
  };
}
