"use client";

import { useState } from "react";

/**
 * A number input that keeps what is typed while it is being typed and commits every valid number; an empty
 * field commits undefined (back to the default it shows as placeholder).
 */
export function NumberField({
  label,
  value,
  placeholder,
  min,
  max,
  step,
  className,
  onCommit,
}: {
  label: string;
  value: number | undefined;
  placeholder: number;
  min: number;
  max: number;
  step?: number;
  className?: string;
  onCommit: (value: number | undefined) => void;
}) {
  const [draft, setDraft] = useState<string | undefined>();
  const text = draft ?? (value === undefined ? "" : String(value));
  const invalid = draft !== undefined && draft !== "" && !(Number(draft) >= min && Number(draft) <= max);
  return (
    <input
      type="number"
      inputMode="decimal"
      className={className}
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      title={label}
      value={text}
      placeholder={String(placeholder)}
      min={min}
      max={max}
      step={step ?? "any"}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        if (next === "") onCommit(undefined);
        else if (Number(next) >= min && Number(next) <= max) onCommit(Number(next));
      }}
      onBlur={() => setDraft(undefined)}
    />
  );
}
