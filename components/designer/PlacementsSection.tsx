"use client";

import { useState } from "react";
import { ZONE_DEFINITIONS } from "@/lib/catalog/zones";
import { addPlacementCommand, removePlacementCommand } from "@/lib/designer/placements";
import type { Component, Design, Zone } from "@/lib/model";
import { useDesignerStore } from "./DesignerContext";
import styles from "./Inspector.module.css";
import { formStyles } from "./SchemaForm";

/** Zones a component can also run in, private subnets first (where AWS places services), then by name. */
const KIND_ORDER: Zone["kind"][] = ["private-subnet", "availability-zone", "k8s-namespace", "public-subnet", "vpc", "region"];

/** "App B, private subnet in Zone B": the zone and where it sits, so two subnets of the same name can be told apart. */
function zoneLabel(zone: Zone, zones: ReadonlyMap<string, Zone>): string {
  const parent = zone.parentId === undefined ? undefined : zones.get(zone.parentId);
  const kind = ZONE_DEFINITIONS[zone.kind].label.toLowerCase();
  return parent ? `${zone.name}, ${kind} in ${parent.name}` : `${zone.name}, ${kind}`;
}

/**
 * Where else the component runs: each extra placement with a way to remove it, and a picker to add one. A
 * placement shows on the canvas as a dashed echo card of the same component in that zone.
 */
export function PlacementsSection({ component, design }: { component: Component; design: Design }) {
  const store = useDesignerStore();
  const [refusal, setRefusal] = useState<string | undefined>();
  const zones = new Map(design.zones.map((zone) => [zone.id, zone]));
  const placed = new Set([component.zoneId, ...(component.alsoIn ?? []).map((placement) => placement.zoneId)]);
  const candidates = design.zones
    .filter((zone) => !placed.has(zone.id))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
  const home = component.zoneId === undefined ? undefined : zones.get(component.zoneId);
  const pickerId = `also-in-${component.id}`;
  const add = (zoneId: string) => {
    if (!zoneId) return;
    setRefusal(store.dispatch(addPlacementCommand(component.id, zoneId)).refused);
  };
  return (
    <section className={styles.section} aria-label="Placement">
      <h3 className={styles.sectionTitle}>Runs in</h3>
      <p className={styles.empty}>{home ? zoneLabel(home, zones) : "No zone: drawn outside every zone."}</p>
      {component.alsoIn ? (
        <ul className={styles.links} aria-label="Extra placements">
          {component.alsoIn.map((placement) => {
            const zone = zones.get(placement.zoneId);
            const label = zone ? zoneLabel(zone, zones) : placement.zoneId;
            return (
              <li key={placement.zoneId}>
                <button
                  type="button"
                  className={styles.link}
                  aria-label={`Stop running in ${label}`}
                  title="Stop running in this zone"
                  onClick={() => store.dispatch(removePlacementCommand(component.id, placement.zoneId))}
                >
                  <span aria-hidden="true">+</span> {label} <span className={styles.linkMeta}>remove</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {candidates.length > 0 ? (
        <div className={formStyles.field}>
          <label htmlFor={pickerId} className={formStyles.label}>
            Also runs in
          </label>
          <select id={pickerId} className={formStyles.select} value="" aria-describedby={refusal ? `${pickerId}-error` : undefined} onChange={(event) => add(event.target.value)}>
            <option value="">Choose a zone…</option>
            {candidates.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zoneLabel(zone, zones)}
              </option>
            ))}
          </select>
          {refusal ? (
            <p id={`${pickerId}-error`} className={formStyles.error} role="alert">
              {refusal}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
