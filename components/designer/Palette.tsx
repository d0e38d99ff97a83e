"use client";

import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useMemo, useState, type DragEvent } from "react";
import { COMPONENT_KINDS, LAYER_LABELS, LAYERS } from "@/lib/catalog";
import { ZONE_DEFINITIONS, ZONE_KINDS } from "@/lib/catalog/zones";
import { PALETTE_DRAG_TYPE, paletteCommand } from "@/lib/designer/from-flow";
import { ANNOTATION_KINDS, ANNOTATION_LABELS } from "@/lib/model";
import { Icon } from "@/components/ui/Icon";
import { useToast } from "@/components/ui/Toast";
import { useDesignerStore } from "./DesignerContext";
import styles from "./Palette.module.css";

interface PaletteEntry {
  kind: string;
  label: string;
  description: string;
}

const ANNOTATION_DESCRIPTIONS: Record<(typeof ANNOTATION_KINDS)[number], string> = {
  note: "A sticky note for the session: double-click to write; it is listed in the exported architecture doc.",
  text: "A free-text label, e.g. a title or a remark.",
  rectangle: "A box to group or highlight cards; it can carry a caption.",
  ellipse: "An ellipse to circle a part of the design; it can carry a caption.",
};

const GROUPS: { id: string; title: string; entries: PaletteEntry[] }[] = [
  ...LAYERS.map((layer) => ({
    id: layer,
    title: LAYER_LABELS[layer],
    entries: COMPONENT_KINDS.filter((definition) => definition.layer === layer).map(({ kind, label, description }) => ({ kind, label, description })),
  })),
  { id: "zones", title: "Zones", entries: ZONE_KINDS.map((kind) => ({ kind, label: ZONE_DEFINITIONS[kind].label, description: ZONE_DEFINITIONS[kind].description })) },
  { id: "notes", title: "Notes and shapes", entries: ANNOTATION_KINDS.map((kind) => ({ kind, label: ANNOTATION_LABELS[kind], description: ANNOTATION_DESCRIPTIONS[kind] })) },
].filter((group) => group.entries.length > 0);

function onDragStart(event: DragEvent<HTMLButtonElement>, kind: string) {
  event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
  event.dataTransfer.effectAllowed = "copy";
}

/**
 * Component kinds grouped by layer, then zone kinds, then notes and shapes. Each is a button named exactly after its kind: drag it
 * onto the canvas, or press Enter (or click) to add it in the middle of the visible canvas.
 */
export function Palette() {
  const store = useDesignerStore();
  const toast = useToast();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const [filter, setFilter] = useState("");

  const groups = useMemo(() => {
    const query = filter.trim().toLowerCase();
    if (!query) return GROUPS;
    return GROUPS.map((group) => ({
      ...group,
      entries: group.entries.filter((entry) => entry.label.toLowerCase().includes(query) || entry.description.toLowerCase().includes(query)),
    })).filter((group) => group.entries.length > 0);
  }, [filter]);

  const addAtCentre = (kind: string) => {
    const { width, height } = flowStore.getState();
    const { x, y, zoom } = flow.getViewport();
    const centre = { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom };
    const command = paletteCommand(kind, centre);
    if (!command) return;
    const result = store.dispatch(command);
    if (result.refused) toast(result.refused);
  };

  return (
    <aside className={styles.palette} aria-label="Palette">
      <div className={styles.search}>
        <Icon name="search" size={14} />
        <input type="search" placeholder="Filter components" aria-label="Filter components" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </div>
      <div className={styles.groups}>
        {groups.map((group) => (
          <section key={group.id} className={styles.group} aria-labelledby={`palette-${group.id}`}>
            <h2 id={`palette-${group.id}`} className={styles.groupTitle}>
              {group.title}
            </h2>
            <ul className={styles.items}>
              {group.entries.map((entry) => (
                <li key={entry.kind}>
                  <button
                    type="button"
                    className={styles.item}
                    draggable
                    onDragStart={(event) => onDragStart(event, entry.kind)}
                    onClick={() => addAtCentre(entry.kind)}
                    title={entry.description}
                    data-kind={entry.kind}
                  >
                    <img src={`/icons/${entry.kind}.svg`} alt="" width={18} height={18} draggable={false} />
                    {entry.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 ? <p className={styles.none}>No component matches “{filter}”.</p> : null}
      </div>
      <p className={styles.hint}>Drag onto the canvas, or press Enter to add in the middle.</p>
    </aside>
  );
}
