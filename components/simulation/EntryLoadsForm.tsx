"use client";

import type { Design } from "@/lib/model";
import type { EntryLoad } from "@/lib/simulation";
import { NumberField } from "./NumberField";
import styles from "./SimulationPanel.module.css";

/** Load per entry point: requests per second, read share and payload; the placeholders are the entry's own settings. */
export function EntryLoadsForm({
  design,
  configured,
  overrides,
  onChange,
}: {
  design: Design;
  configured: ReadonlyMap<string, EntryLoad>;
  overrides: Record<string, Partial<EntryLoad>>;
  onChange: (entryId: string, load: Partial<EntryLoad>) => void;
}) {
  if (configured.size === 0) return <p className={styles.muted}>No entry points: add a client, or an internet-facing component nothing calls.</p>;
  const nameOf = (id: string) => design.components.find((component) => component.id === id)?.name ?? id;
  return (
    <table className={styles.entryTable}>
      <thead>
        <tr>
          <th scope="col">Entry point</th>
          <th scope="col" title="Requests per second">req/s</th>
          <th scope="col" title="Share of requests that only read">read %</th>
          <th scope="col" title="Request plus response size">KB</th>
        </tr>
      </thead>
      <tbody>
        {[...configured].map(([id, load]) => {
          const override = overrides[id] ?? {};
          const name = nameOf(id);
          const update = (patch: Partial<EntryLoad>) => onChange(id, { ...override, ...patch });
          return (
            <tr key={id}>
              <th scope="row" className={styles.entryName} title={name}>
                {name}
              </th>
              <td>
                <NumberField label={`Requests per second at ${name}`} value={override.rps} placeholder={Math.round(load.rps * 100) / 100} min={0} max={1_000_000_000} className={styles.numberInput} onCommit={(rps) => update({ rps })} />
              </td>
              <td>
                <NumberField
                  label={`Read share in percent at ${name}`}
                  value={override.readRatio === undefined ? undefined : Math.round(override.readRatio * 1000) / 10}
                  placeholder={Math.round(load.readRatio * 1000) / 10}
                  min={0}
                  max={100}
                  className={styles.numberInput}
                  onCommit={(percent) => update({ readRatio: percent === undefined ? undefined : percent / 100 })}
                />
              </td>
              <td>
                <NumberField label={`Payload in KB at ${name}`} value={override.payloadKb} placeholder={load.payloadKb} min={0} max={1_000_000} className={styles.numberInput} onCommit={(payloadKb) => update({ payloadKb })} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
