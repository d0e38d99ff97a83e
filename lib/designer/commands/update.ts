import { kindDefinition } from "@/lib/catalog";
import { ComponentSchema, ConnectionSchema, DesignSettingsSchema, LIMITS, ZoneSchema, type Connection, type Design, type Zone } from "@/lib/model";
import { mergeInto } from "../history";
import { refuse, type Command } from "./types";

/** Applies `patch`; a key patched to undefined is removed, so optional settings can be cleared. */
function withPatch<T extends object>(item: T, patch: Partial<T>): T {
  const result = { ...item } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result as T;
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : (issue?.message ?? "Invalid value");
}

/**
 * Edits a component's name or config. Each field's edits merge into one undo step while the person keeps
 * typing in it (`field` names the burst); invalid values are refused, never stored.
 */
export function updateComponentCommand(id: string, patch: { name?: string; config?: Record<string, unknown> }, field: string): Command {
  return {
    label: "Edit component",
    undo: mergeInto(`component:${id}:${field}`),
    run(design) {
      const component = design.components.find((candidate) => candidate.id === id);
      if (!component) return refuse(design, `Component "${id}" no longer exists.`);
      const candidate = withPatch(component, patch as Partial<typeof component>);
      const config = kindDefinition(component.kind).config.safeParse(candidate.config);
      if (!config.success) return refuse(design, firstIssue(config.error));
      const parsed = ComponentSchema.safeParse({ ...candidate, config: config.data });
      if (!parsed.success) return refuse(design, firstIssue(parsed.error));
      return { design: { ...design, components: design.components.map((item) => (item.id === id ? parsed.data : item)) } };
    },
  };
}

/** Edits a connection's protocol, timeout, retry policy, circuit breaker, TLS, path prefix or label. */
export function updateConnectionCommand(id: string, patch: Partial<Omit<Connection, "id" | "source" | "target">>, field: string): Command {
  return {
    label: "Edit connection",
    undo: mergeInto(`connection:${id}:${field}`),
    run(design) {
      const connection = design.connections.find((candidate) => candidate.id === id);
      if (!connection) return refuse(design, `Connection "${id}" no longer exists.`);
      const parsed = ConnectionSchema.safeParse(withPatch(connection, patch));
      if (!parsed.success) return refuse(design, firstIssue(parsed.error));
      return { design: { ...design, connections: design.connections.map((item) => (item.id === id ? parsed.data : item)) } };
    },
  };
}

/** Edits a zone's name, CIDR block or cloud code; its kind and nesting change only by dragging. */
export function updateZoneCommand(id: string, patch: Partial<Pick<Zone, "name" | "cidr" | "code">>, field: string): Command {
  return {
    label: "Edit zone",
    undo: mergeInto(`zone:${id}:${field}`),
    run(design) {
      const zone = design.zones.find((candidate) => candidate.id === id);
      if (!zone) return refuse(design, `Zone "${id}" no longer exists.`);
      const parsed = ZoneSchema.safeParse(withPatch(zone, patch));
      if (!parsed.success) return refuse(design, firstIssue(parsed.error));
      return { design: { ...design, zones: design.zones.map((item) => (item.id === id ? parsed.data : item)) } };
    },
  };
}

export function renameDesignCommand(name: string): Command {
  return {
    label: "Rename design",
    undo: mergeInto("design:name"),
    run(design: Design) {
      const trimmed = name.trim();
      if (trimmed.length === 0) return refuse(design, "A design needs a name.");
      if (trimmed.length > LIMITS.nameLength) return refuse(design, `A name is at most ${LIMITS.nameLength} characters.`);
      return { design: { ...design, name } };
    },
  };
}

/** Edits the design's description or its design-wide settings (cloud region, compute platform). */
export function updateDesignCommand(patch: { description?: string; settings?: Record<string, unknown> }, field: string): Command {
  return {
    label: "Edit design",
    undo: mergeInto(`design:${field}`),
    run(design: Design) {
      let next = design;
      if (patch.description !== undefined) {
        if (patch.description.length > LIMITS.descriptionLength) return refuse(design, `A description is at most ${LIMITS.descriptionLength} characters.`);
        next = { ...next, description: patch.description };
      }
      if (patch.settings !== undefined) {
        const settings = DesignSettingsSchema.safeParse(patch.settings);
        if (!settings.success) return refuse(design, firstIssue(settings.error));
        next = { ...next, settings: settings.data };
      }
      return { design: next };
    },
  };
}
