import { kindDefinition, type ComponentKind } from "./index";

export type ConnectionVerdict = { allowed: true } | { allowed: false; reason: string };

/** Whether a component of one kind may open a connection to a component of another, and why not. */
export function canConnectKinds(sourceKind: ComponentKind, targetKind: ComponentKind): ConnectionVerdict {
  const target = kindDefinition(targetKind);
  if (target.acceptsFrom.includes(sourceKind)) return { allowed: true };
  const source = kindDefinition(sourceKind);
  const accepted = target.acceptsFrom.map((kind) => kindDefinition(kind as ComponentKind).label);
  const from = accepted.length === 0 ? "nothing" : accepted.join(", ");
  return {
    allowed: false,
    reason: `${source.label} cannot connect to ${target.label}: ${target.label} accepts connections only from ${from}. ${target.acceptsFromReason}`,
  };
}
