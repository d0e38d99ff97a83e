"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { DesignSummary } from "@/lib/designer/persistence/api-client";
import { formatAgo, formatMoment } from "@/lib/designer/persistence/time-format";
import { Button } from "@/components/ui/Button";
import styles from "./DesignsPage.module.css";

interface DesignsTableProps {
  designs: readonly DesignSummary[];
  /** A design with an action under way; its buttons wait. */
  busyId: string | null;
  onRename: (design: DesignSummary) => void;
  onDuplicate: (design: DesignSummary) => void;
  onDelete: (design: DesignSummary) => void;
}

/** "5 minutes ago" drifts; re-render once a minute so it stays true while the page is open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function DesignsTable({ designs, busyId, onRename, onDuplicate, onDelete }: DesignsTableProps) {
  const now = useMinuteClock();
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">Your designs, most recently updated first</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className={styles.numeric}>
            Components
          </th>
          <th scope="col">Updated</th>
          <th scope="col" className={styles.numeric}>
            Revision
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {designs.map((design) => {
          const updated = Date.parse(design.updatedAt);
          const busy = busyId === design.id;
          return (
            <tr key={design.id} className={styles.row}>
              <th scope="row" className={styles.nameCell}>
                <Link href={`/designs/${encodeURIComponent(design.id)}`} className={styles.nameLink}>
                  {design.name}
                </Link>
              </th>
              <td className={styles.numeric}>{design.componentCount}</td>
              <td className={styles.updated}>
                <time dateTime={design.updatedAt} title={formatMoment(updated, now)}>
                  {formatAgo(updated, now)}
                </time>
              </td>
              <td className={styles.numeric}>{design.revision}</td>
              <td className={styles.actionsCell}>
                <div className={styles.rowActions}>
                  <Button variant="ghost" size="small" disabled={busy} onClick={() => onRename(design)}>
                    Rename<span className="visually-hidden"> {design.name}</span>
                  </Button>
                  <Button variant="ghost" size="small" disabled={busy} onClick={() => onDuplicate(design)}>
                    {busy ? "Duplicating…" : "Duplicate"}
                    <span className="visually-hidden"> {design.name}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    size="small"
                    className={styles.deleteButton}
                    disabled={busy}
                    onClick={() => onDelete(design)}
                  >
                    Delete<span className="visually-hidden"> {design.name}</span>
                  </Button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
