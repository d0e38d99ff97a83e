"use client";

import { useMemo, useState } from "react";
import { kindDefinition, type ComponentKind } from "@/lib/catalog";
import { ZONE_DEFINITIONS } from "@/lib/catalog/zones";
import { connectCommand } from "@/lib/designer/commands/connect";
import { deleteSelectionCommand } from "@/lib/designer/commands/delete";
import type { Command } from "@/lib/designer/commands/types";
import { renameDesignCommand, updateComponentCommand, updateConnectionCommand, updateDesignCommand, updateZoneCommand } from "@/lib/designer/commands/update";
import { formFields, issuesByPath, type FieldSpec } from "@/lib/designer/form-schema";
import { hasBidiControls, showBidiControls } from "@/lib/generators/naming";
import { connectionLabel, PROTOCOL_LABELS } from "@/lib/designer/labels";
import { selectionOf, selectionSize } from "@/lib/designer/selection";
import { designOf, type DesignerStore } from "@/lib/designer/store";
import { useDesignerState } from "@/lib/designer/use-designer-state";
import { ANNOTATION_LABELS, ConnectionSchema, DesignSettingsSchema, formatCitation, LIMITS, ZoneSchema, type Component, type Connection, type Design, type Zone } from "@/lib/model";
import { z } from "zod";
import { Button } from "@/components/ui/Button";
import { Icon } from "@/components/ui/Icon";
import { AnnotationInspector } from "./AnnotationInspector";
import { useDesignerStore } from "./DesignerContext";
import styles from "./Inspector.module.css";
import { PlacementsSection } from "./PlacementsSection";
import { formStyles, SchemaForm, TextLikeField, type CommitField } from "./SchemaForm";

const NameSchema = z.object({ name: ZoneSchema.shape.name });

const nameField = (label = "Name"): FieldSpec => ({ type: "string", key: "name", path: ["name"], label, required: true, maxLength: LIMITS.nameLength });

const configFieldsByKind = new Map<ComponentKind, FieldSpec[]>();
function configFields(kind: ComponentKind): FieldSpec[] {
  let fields = configFieldsByKind.get(kind);
  if (!fields) {
    fields = formFields(kindDefinition(kind).config);
    configFieldsByKind.set(kind, fields);
  }
  return fields;
}

const CONNECTION_FIELDS = formFields(ConnectionSchema, ["id", "source", "target"]);
const PROTOCOL_FIELDS = CONNECTION_FIELDS.filter((field) => field.key === "protocol");
const TIMEOUT_HELP = CONNECTION_FIELDS.find((field) => field.key === "timeoutMs")?.help?.replace(", in ms", "");
const OTHER_CONNECTION_FIELDS = CONNECTION_FIELDS.filter((field) => field.key !== "protocol" && field.key !== "timeoutMs");
const ZONE_FIELDS = formFields(ZoneSchema).filter((field) => field.key === "cidr" || field.key === "code");
const SETTINGS_FIELDS = formFields(DesignSettingsSchema);

/** The message for `field` among a parse's issues: its own, one nested under it, or the first one. */
function issueFor(error: z.ZodError, field: FieldSpec): string {
  const issues = issuesByPath(error);
  const path = field.path.join(".");
  const own = issues.get(path) ?? [...issues].find(([key]) => key.startsWith(`${path}.`))?.[1];
  return own ?? [...issues.values()][0] ?? "Invalid value";
}

/** Validate with `schema`, then dispatch; the message of a refusal goes back to the field. */
function validatedCommit(store: DesignerStore, schema: z.ZodType, toCommand: (next: Record<string, unknown>, field: FieldSpec) => Command): CommitField {
  return (field, next) => {
    const parsed = schema.safeParse(next);
    if (!parsed.success) return issueFor(parsed.error, field);
    return store.dispatch(toCommand(next, field)).refused;
  };
}

function DeleteButton({ label }: { label: string }) {
  const store = useDesignerStore();
  return (
    <div className={styles.footer}>
      <Button variant="danger" icon={<Icon name="trash" size={14} />} onClick={() => store.dispatch(deleteSelectionCommand(store.getState().selection))}>
        {label}
      </Button>
    </div>
  );
}

/**
 * The component's connections, each a button that selects it, and a keyboard way to draw a new one: pick a
 * target and Archway connects (or says why it cannot, as on the canvas).
 */
function ConnectionsSection({ component, design }: { component: Component; design: Design }) {
  const store = useDesignerStore();
  const [refusal, setRefusal] = useState<string | undefined>();
  const names = new Map(design.components.map((item) => [item.id, item.name]));
  const outgoing = design.connections.filter((connection) => connection.source === component.id);
  const incoming = design.connections.filter((connection) => connection.target === component.id);
  const connected = new Set(outgoing.map((connection) => connection.target));
  const candidates = design.components
    .filter((item) => item.id !== component.id && !connected.has(item.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const selectConnection = (id: string) => store.setSelection(selectionOf({ connectionIds: [id] }));
  const connectTo = (targetId: string) => {
    if (!targetId) return;
    const result = store.dispatch(connectCommand(component.id, targetId));
    setRefusal(result.refused);
  };
  return (
    <section className={styles.section} aria-label="Connections">
      <h3 className={styles.sectionTitle}>Connections</h3>
      {outgoing.length + incoming.length === 0 ? <p className={styles.empty}>Not connected yet.</p> : null}
      <ul className={styles.links}>
        {outgoing.map((connection) => (
          <li key={connection.id}>
            <button type="button" className={styles.link} onClick={() => selectConnection(connection.id)}>
              <span aria-hidden="true">→</span> {names.get(connection.target)} <span className={styles.linkMeta}>{connectionLabel(connection)}</span>
            </button>
          </li>
        ))}
        {incoming.map((connection) => (
          <li key={connection.id}>
            <button type="button" className={styles.link} onClick={() => selectConnection(connection.id)}>
              <span aria-hidden="true">←</span> {names.get(connection.source)} <span className={styles.linkMeta}>{connectionLabel(connection)}</span>
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <div className={formStyles.field}>
          <label htmlFor={`connect-${component.id}`} className={formStyles.label}>
            Connect to
          </label>
          <select
            id={`connect-${component.id}`}
            className={formStyles.select}
            value=""
            aria-describedby={refusal ? `connect-${component.id}-error` : undefined}
            onChange={(event) => connectTo(event.target.value)}
          >
            <option value="">Choose a component…</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          {refusal ? (
            <p id={`connect-${component.id}-error`} className={formStyles.error} role="alert">
              {refusal}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ComponentInspector({ component, design }: { component: Component; design: Design }) {
  const store = useDesignerStore();
  const definition = kindDefinition(component.kind);
  const seal = () => store.sealBurst();
  const commitName = useMemo(
    () => validatedCommit(store, NameSchema, (next) => updateComponentCommand(component.id, { name: String(next.name) }, "name")),
    [store, component.id],
  );
  const commitConfig = useMemo(
    () => validatedCommit(store, definition.config, (next, field) => updateComponentCommand(component.id, { config: next }, `config.${field.path.join(".")}`)),
    [store, component.id, definition.config],
  );
  return (
    <div className={styles.inspector}>
      <InspectorHeading icon={component.kind} iconSize={22} title={definition.label} description={definition.description} name={component.name} />
      <TextLikeField field={nameField() as Extract<FieldSpec, { type: "string" }>} value={{ name: component.name }} commit={commitName} onFieldBlur={seal} idPrefix={`component-${component.id}`} />
      <section className={styles.section} aria-label="Settings">
        <h3 className={styles.sectionTitle}>Settings</h3>
        <SchemaForm fields={configFields(component.kind)} value={component.config as Record<string, unknown>} commit={commitConfig} onFieldBlur={seal} idPrefix={`config-${component.id}`} />
      </section>
      <ConnectionsSection component={component} design={design} />
      <PlacementsSection component={component} design={design} />
      <section className={styles.section} aria-label="Sources">
        <h3 className={styles.sectionTitle}>Sources</h3>
        <ul className={styles.sources}>
          {definition.sources.map((source) => (
            <li key={`${source.doc}-${source.section}`}>{formatCitation(source)}</li>
          ))}
        </ul>
      </section>
      <DeleteButton label="Delete component" />
    </div>
  );
}

/** The timeout in seconds (the document keeps milliseconds); empty means the caller does not wait (async). */
function TimeoutField({ connection, store }: { connection: Connection; store: DesignerStore }) {
  const field: Extract<FieldSpec, { type: "number" }> = {
    type: "number",
    key: "timeoutSeconds",
    path: ["timeoutSeconds"],
    label: "Timeout (s)",
    integer: false,
    min: 0.001,
    max: 3600,
    required: false,
    ...(TIMEOUT_HELP ? { help: TIMEOUT_HELP } : {}),
  };
  const value = { timeoutSeconds: connection.timeoutMs === undefined ? undefined : connection.timeoutMs / 1000 };
  const commit: CommitField = (_, next) => {
    const seconds = next.timeoutSeconds as number | undefined;
    const timeoutMs = seconds === undefined ? undefined : Math.round(seconds * 1000);
    const parsed = ConnectionSchema.safeParse({ ...connection, timeoutMs });
    if (!parsed.success) return issueFor(parsed.error, { ...field, path: ["timeoutMs"] }).replace(/ (\d+)$/, " $1 ms");
    return store.dispatch(updateConnectionCommand(connection.id, { timeoutMs }, "timeoutMs")).refused;
  };
  return <TextLikeField field={field} value={value} commit={commit} onFieldBlur={() => store.sealBurst()} idPrefix={`connection-${connection.id}`} />;
}

function ConnectionInspector({ connection, design }: { connection: Connection; design: Design }) {
  const store = useDesignerStore();
  const source = design.components.find((component) => component.id === connection.source);
  const target = design.components.find((component) => component.id === connection.target);
  const seal = () => store.sealBurst();
  const commit = useMemo(
    () =>
      validatedCommit(store, ConnectionSchema, (next, field) => {
        const key = field.path[0];
        return updateConnectionCommand(connection.id, { [key]: next[key] }, field.path.join("."));
      }),
    [store, connection.id],
  );
  const value = connection as unknown as Record<string, unknown>;
  return (
    <div className={styles.inspector}>
      <div className={styles.header}>
        <div className={styles.tile}>
          <Icon name="arrow" size={18} />
        </div>
        <div className={styles.heading}>
          <h2 className={styles.kind}>Connection</h2>
          <p className={styles.route}>
            <strong>{source?.name ?? connection.source}</strong>
            <Icon name="arrow" size={12} />
            <strong>{target?.name ?? connection.target}</strong>
          </p>
        </div>
      </div>
      <SchemaForm fields={PROTOCOL_FIELDS} value={value} commit={commit} onFieldBlur={seal} idPrefix={`connection-${connection.id}`} optionLabels={{ protocol: PROTOCOL_LABELS }} />
      <TimeoutField connection={connection} store={store} />
      <SchemaForm fields={OTHER_CONNECTION_FIELDS} value={value} commit={commit} onFieldBlur={seal} idPrefix={`connection-${connection.id}`} />
      <DeleteButton label="Delete connection" />
    </div>
  );
}

function ZoneInspector({ zone, design }: { zone: Zone; design: Design }) {
  const store = useDesignerStore();
  const definition = ZONE_DEFINITIONS[zone.kind];
  const parent = zone.parentId === undefined ? undefined : design.zones.find((candidate) => candidate.id === zone.parentId);
  const seal = () => store.sealBurst();
  const commit = useMemo(
    () =>
      validatedCommit(store, ZoneSchema, (next, field) => {
        const key = field.path[0] as "name" | "cidr" | "code";
        return updateZoneCommand(zone.id, { [key]: next[key] as string | undefined }, key);
      }),
    [store, zone.id],
  );
  const addressFields = ZONE_FIELDS.filter((field) => (field.key === "cidr" ? ["vpc", "public-subnet", "private-subnet"] : ["region", "availability-zone"]).includes(zone.kind));
  const value = zone as unknown as Record<string, unknown>;
  const members = design.components.filter((component) => component.zoneId === zone.id).length;
  return (
    <div className={styles.inspector}>
      <InspectorHeading icon={zone.kind} iconSize={20} title={definition.label} description={definition.description} name={zone.name} />
      <SchemaForm fields={[nameField(), ...addressFields]} value={value} commit={commit} onFieldBlur={seal} idPrefix={`zone-${zone.id}`} />
      <ul className={styles.counts}>
        <li>{parent ? `Inside ${parent.name}` : "At the top level"}</li>
        <li>
          {members} component{members === 1 ? "" : "s"} inside
        </li>
        <li>Source: {formatCitation(definition.source)}</li>
      </ul>
      <DeleteButton label="Delete zone" />
    </div>
  );
}

function DesignInspector({ design }: { design: Design }) {
  const store = useDesignerStore();
  const seal = () => store.sealBurst();
  const commitName = useMemo<CommitField>(() => (_, next) => store.dispatch(renameDesignCommand(String(next.name ?? ""))).refused, [store]);
  const commitSettings = useMemo(() => validatedCommit(store, DesignSettingsSchema, (next, field) => updateDesignCommand({ settings: next }, `settings.${field.key}`)), [store]);
  const commitDescription = useMemo<CommitField>(() => (_, next) => store.dispatch(updateDesignCommand({ description: String(next.description ?? "") }, "description")).refused, [store]);
  return (
    <div className={styles.inspector}>
      <div className={styles.heading}>
        <h2 className={styles.kind}>Design</h2>
        <p className={styles.description}>Select a component, connection or zone to edit it. Shift-click or Shift-drag to select several.</p>
      </div>
      <TextLikeField field={nameField("Design name") as Extract<FieldSpec, { type: "string" }>} value={{ name: design.name }} commit={commitName} onFieldBlur={seal} idPrefix="design" />
      <TextLikeField
        field={{ type: "string", key: "description", path: ["description"], label: "Description", required: false, maxLength: LIMITS.descriptionLength }}
        value={{ description: design.description }}
        commit={commitDescription}
        onFieldBlur={seal}
        idPrefix="design"
      />
      <section className={styles.section} aria-label="Design settings">
        <h3 className={styles.sectionTitle}>Settings</h3>
        <SchemaForm fields={SETTINGS_FIELDS} value={design.settings as unknown as Record<string, unknown>} commit={commitSettings} onFieldBlur={seal} idPrefix="settings" />
      </section>
      <section className={styles.section} aria-label="Keyboard shortcuts">
        <h3 className={styles.sectionTitle}>Keyboard</h3>
        <dl className={styles.shortcuts}>
          <dt>
            <kbd className={styles.kbd}>Ctrl</kbd> <kbd className={styles.kbd}>Z</kbd>
          </dt>
          <dd>Undo (add Shift to redo)</dd>
          <dt>
            <kbd className={styles.kbd}>Ctrl</kbd> <kbd className={styles.kbd}>C</kbd> / <kbd className={styles.kbd}>V</kbd>
          </dt>
          <dd>Copy and paste components</dd>
          <dt>
            <kbd className={styles.kbd}>Del</kbd>
          </dt>
          <dd>Delete the selection</dd>
          <dt>
            <kbd className={styles.kbd}>Ctrl</kbd> <kbd className={styles.kbd}>A</kbd>
          </dt>
          <dd>Select everything</dd>
        </dl>
      </section>
    </div>
  );
}

function MultiInspector({ count, design, componentIds }: { count: number; design: Design; componentIds: readonly string[] }) {
  const names = componentIds.map((id) => design.components.find((component) => component.id === id)?.name).filter(Boolean);
  return (
    <div className={styles.inspector}>
      <div className={styles.heading}>
        <h2 className={styles.kind}>{count} items selected</h2>
        <p className={styles.description}>Drag any of them to move all. Ctrl+C copies the components and the connections among them.</p>
      </div>
      {names.length > 0 ? <p className={styles.empty}>{names.join(", ")}</p> : null}
      <DeleteButton label={`Delete ${count} items`} />
    </div>
  );
}

/** Edits whatever is selected: a component, a connection, a zone, several items, or the design itself. */
export function Inspector() {
  const store = useDesignerStore();
  const design = useDesignerState(store, designOf);
  const selection = useDesignerState(store, (state) => state.selection);
  const count = selectionSize(selection);
  if (count === 0) return <DesignInspector design={design} />;
  if (count > 1) return <MultiInspector count={count} design={design} componentIds={selection.componentIds} />;
  const [componentId] = selection.componentIds;
  const component = componentId === undefined ? undefined : design.components.find((candidate) => candidate.id === componentId);
  if (component) return <ComponentInspector key={component.id} component={component} design={design} />;
  const [connectionId] = selection.connectionIds;
  const connection = connectionId === undefined ? undefined : design.connections.find((candidate) => candidate.id === connectionId);
  if (connection) return <ConnectionInspector key={connection.id} connection={connection} design={design} />;
  const [zoneId] = selection.zoneIds;
  const zone = zoneId === undefined ? undefined : design.zones.find((candidate) => candidate.id === zoneId);
  if (zone) return <ZoneInspector key={zone.id} zone={zone} design={design} />;
  const annotation = design.annotations.find((candidate) => candidate.id === selection.annotationIds[0]);
  if (annotation) return <AnnotationInspector key={`${annotation.id}:${annotation.text}`} annotation={annotation} footer={<DeleteButton label={`Delete ${ANNOTATION_LABELS[annotation.kind].toLowerCase()}`} />} />;
  return <p className={styles.empty}>Nothing to edit.</p>;
}

/**
 * The kind's icon, label and one-line description at the top of a component's or zone's inspector. A name
 * holding invisible bidirectional controls is repeated here with each control shown as a marker, since the
 * name field itself displays them reordered.
 */
function InspectorHeading({ icon, iconSize, title, description, name }: { icon: string; iconSize: number; title: string; description: string; name: string }) {
  return (
    <div className={styles.header}>
      <div className={styles.tile}>
        <img src={`/icons/${icon}.svg`} alt="" width={iconSize} height={iconSize} />
      </div>
      <div className={styles.heading}>
        <h2 className={styles.kind}>{title}</h2>
        <p className={styles.description}>{description}</p>
        {hasBidiControls(name) ? <p className={styles.description}>Name with hidden direction controls: {showBidiControls(name)}</p> : null}
      </div>
    </div>
  );
}
