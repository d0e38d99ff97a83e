import { availabilityZonesOf, graphOf, zoneChain, type DesignGraph } from "../../graph";
import { newZoneId, type Design, type Zone } from "../../model";

/** Room left between the first availability zone and the mirrored one on the canvas. */
const GAP = 60;

function uniqueName(design: Design, wanted: string): string {
  const names = new Set(design.zones.map((zone) => zone.name));
  let name = wanted;
  for (let n = 2; names.has(name); n += 1) name = `${wanted} ${n}`;
  return name;
}

/** The next zone code in the same region (us-east-1a -> us-east-1b), skipping codes already drawn. */
function nextCode(design: Design, code: string | undefined): string | undefined {
  const match = code?.match(/^(.*\d)([a-z])$/);
  if (!match) return undefined;
  const taken = new Set(design.zones.map((zone) => zone.code));
  for (let letter = match[2].charCodeAt(0) + 1; letter <= "z".charCodeAt(0); letter += 1) {
    const candidate = `${match[1]}${String.fromCharCode(letter)}`;
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}

function within(graph: DesignGraph, zone: Zone, ancestorId: string): boolean {
  return zoneChain(graph, zone.id).some((container) => container.id === ancestorId);
}

/**
 * Also run a component in a second availability zone, the way AWS runs a service in the private subnets of two
 * zones (004 "Private Subnets (Multiple AZs)", 003 "High Availability (99.95% Uptime SLA)"). The component must be
 * drawn inside one availability zone. The placement goes into a zone of the same kind as the one its card is in,
 * inside another availability zone beside the first; that zone and the subnet are created, mirroring the first,
 * when the design has none.
 */
export function placeInSecondZone(design: Design, componentId: string): Design {
  const graph = graphOf(design);
  const component = graph.component(componentId);
  const { zones } = availabilityZonesOf(graph, componentId);
  const first = zones[0];
  const home = component.zoneId === undefined ? undefined : graph.zones.get(component.zoneId);
  if (!first || !home) return design;

  const used = new Set(zones.map((zone) => zone.id));
  const sibling = design.zones.find((zone) => zone.kind === "availability-zone" && zone.parentId === first.parentId && !used.has(zone.id));
  let next = design;
  let second = sibling;
  if (!second) {
    const code = nextCode(design, first.code);
    second = {
      id: newZoneId(design, "availability-zone"),
      kind: "availability-zone",
      name: uniqueName(design, code ?? first.name),
      ...(first.parentId === undefined ? {} : { parentId: first.parentId }),
      position: { x: first.position.x + first.size.width + GAP, y: first.position.y },
      size: first.size,
      ...(code ? { code } : {}),
    };
    next = { ...next, zones: [...next.zones, second] };
  }

  let target: Zone | undefined = home.id === first.id ? second : undefined;
  if (!target) {
    const secondId = second.id;
    target = next.zones.find((zone) => zone.kind === home.kind && zone.id !== home.id && within(graphOf(next), zone, secondId));
  }
  if (!target) {
    target = {
      id: newZoneId(next, home.kind),
      kind: home.kind,
      name: uniqueName(next, `${home.name} (${second.name})`),
      parentId: second.id,
      position: home.parentId === first.id ? home.position : { x: 40, y: 60 },
      size: home.size,
    };
    next = { ...next, zones: [...next.zones, target] };
  }
  const placement = { zoneId: target.id, position: component.position };
  return {
    ...next,
    components: next.components.map((candidate) => (candidate.id === componentId ? { ...candidate, alsoIn: [...(candidate.alsoIn ?? []), placement] } : candidate)),
  };
}
