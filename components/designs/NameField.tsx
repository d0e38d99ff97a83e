"use client";

import { useId } from "react";
import { LIMITS } from "@/lib/model";
import styles from "./DesignsPage.module.css";

interface NameFieldProps {
  value: string;
  onChange: (name: string) => void;
  /** Shown under the field and announced; null when the name is fine. */
  error: string | null;
}

/** The design-name field of the naming dialogs: selected on focus, the server's reason shown beneath. */
export function NameField({ value, onChange, error }: NameFieldProps) {
  const inputId = useId();
  const errorId = useId();
  return (
    <>
      <label htmlFor={inputId} className={styles.label}>
        Name
      </label>
      <input
        id={inputId}
        className={styles.input}
        value={value}
        maxLength={LIMITS.nameLength}
        data-autofocus
        onFocus={(event) => event.currentTarget.select()}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {error ? (
        <p id={errorId} role="alert" className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </>
  );
}
