import { canConnectKinds } from "@/lib/catalog/connections";
import { createConnection, type Design } from "@/lib/model";
import { RECORD } from "../history";
import { selectionOf } from "../selection";
import { refuse, type Command } from "./types";

/** Why `sourceId` may not call `targetId`, in words for the person; undefined when it may. */
export function connectionRefusal(design: Design, sourceId: string, targetId: string): string | undefined {
  const source = design.components.find((component) => component.id === sourceId);
  const target = design.components.find((component) => component.id === targetId);
  if (!source || !target) return "Connections join two components; zones cannot be connected.";
  if (source.id === target.id) return `${source.name} cannot connect to itself.`;
  if (design.connections.some((connection) => connection.source === sourceId && connection.target === targetId)) {
    return `${source.name} is already connected to ${target.name}.`;
  }
  const verdict = canConnectKinds(source.kind, target.kind);
  return verdict.allowed ? undefined : verdict.reason;
}

/** Connects two components with createConnection's defaults (timeout fitted to the chain), or refuses with the reason. */
export function connectCommand(sourceId: string, targetId: string): Command {
  return {
    label: "Connect",
    undo: RECORD,
    run(design) {
      const reason = connectionRefusal(design, sourceId, targetId);
      const source = design.components.find((component) => component.id === sourceId);
      const target = design.components.find((component) => component.id === targetId);
      if (reason !== undefined || !source || !target) return refuse(design, reason ?? "Connections join two components.");
      const connection = createConnection(design, source, target);
      return { design: { ...design, connections: [...design.connections, connection] }, selection: selectionOf({ connectionIds: [connection.id] }) };
    },
  };
}
