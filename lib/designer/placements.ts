import type { Component, Design, Placement } from "@/lib/model";
import { RECORD } from "./history";
import { COMPONENT_SIZE, type Point } from "./geometry";
import { growZonesToFit } from "./commands/fit-zones";
import { refuse, type Command } from "./commands/types";

/*
 * A component that also runs in other zones is drawn once more in each, as AWS reference diagrams draw one
 * service in the private subnet of every availability zone. Those echo cards are canvas nodes whose id joins
 * the component's and the zone's ids with "@", a character ids never contain.
 */

const SEPARATOR = "@";

export function placementNodeId(componentId: string, zoneId: string): string {
  return `${componentId}${SEPARATOR}${zoneId}`;
}

/** The component and zone of an echo card's node id; undefined for any other node. */
export function parsePlacementNodeId(nodeId: string): { componentId: string; zoneId: string } | undefined {
  const at = nodeId.indexOf(SEPARATOR);
  if (at <= 0) return undefined;
  return { componentId: nodeId.slice(0, at), zoneId: nodeId.slice(at + 1) };
}

/** The component a node stands for: itself, or the component an echo card repeats. */
export function componentIdOfNode(nodeId: string): string {
  return parsePlacementNodeId(nodeId)?.componentId ?? nodeId;
}

function withPlacements(component: Component, alsoIn: Placement[]): Component {
  const { alsoIn: _previous, ...rest } = component;
  return (alsoIn.length === 0 ? rest : { ...rest, alsoIn }) as Component;
}

/** Moves echo cards whose node ids are in `positions`; components without a moved echo keep their identity. */
export function movePlacements(design: Design, positions: ReadonlyMap<string, Point>): Design {
  let changed = false;
  const components = design.components.map((component) => {
    if (!component.alsoIn) return component;
    let moved = false;
    const alsoIn = component.alsoIn.map((placement) => {
      const position = positions.get(placementNodeId(component.id, placement.zoneId));
      if (!position || (position.x === placement.position.x && position.y === placement.position.y)) return placement;
      moved = true;
      return { ...placement, position: { x: position.x, y: position.y } };
    });
    if (!moved) return component;
    changed = true;
    return { ...component, alsoIn };
  });
  return changed ? { ...design, components } : design;
}

/** Placements left valid after a component's card moves to `zoneId` or zones go: none in its own zone or a gone one. */
export function keepValidPlacements(component: Component, zoneIds: { has(id: string): boolean }): Component {
  if (!component.alsoIn) return component;
  const kept = component.alsoIn.filter((placement) => placement.zoneId !== component.zoneId && zoneIds.has(placement.zoneId));
  return kept.length === component.alsoIn.length ? component : withPlacements(component, kept);
}

/**
 * Also run a component in `zoneId`: its echo card lands at the spot the card has in its own zone, moved down
 * until it clears the cards already in that zone, and the zone grows to hold it.
 */
export function addPlacementCommand(componentId: string, zoneId: string): Command {
  return {
    label: "Also run in zone",
    undo: RECORD,
    run(design) {
      const component = design.components.find((candidate) => candidate.id === componentId);
      const zone = design.zones.find((candidate) => candidate.id === zoneId);
      if (!component || !zone) return refuse(design, "That component or zone no longer exists.");
      if (component.zoneId === zoneId || component.alsoIn?.some((placement) => placement.zoneId === zoneId)) {
        return refuse(design, `${component.name} already runs in ${zone.name}.`);
      }
      const taken = [
        ...design.components.filter((other) => other.zoneId === zoneId).map((other) => other.position),
        ...design.components.flatMap((other) => (other.alsoIn ?? []).filter((placement) => placement.zoneId === zoneId).map((placement) => placement.position)),
      ];
      const position = { ...component.position };
      const overlaps = () => taken.some((other) => Math.abs(other.x - position.x) < COMPONENT_SIZE.width && Math.abs(other.y - position.y) < COMPONENT_SIZE.height);
      while (overlaps()) position.y += COMPONENT_SIZE.height + 16;
      const placed: Design = {
        ...design,
        components: design.components.map((candidate) =>
          candidate.id === componentId ? withPlacements(candidate, [...(candidate.alsoIn ?? []), { zoneId, position }]) : candidate,
        ),
      };
      return { design: growZonesToFit(placed, zoneId) };
    },
  };
}

export function removePlacementCommand(componentId: string, zoneId: string): Command {
  return {
    label: "Stop running in zone",
    undo: RECORD,
    run(design) {
      return {
        design: {
          ...design,
          components: design.components.map((candidate) =>
            candidate.id === componentId && candidate.alsoIn
              ? withPlacements(
                  candidate,
                  candidate.alsoIn.filter((placement) => placement.zoneId !== zoneId),
                )
              : candidate,
          ),
        },
      };
    },
  };
}
