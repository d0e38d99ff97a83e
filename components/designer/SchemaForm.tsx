"use client";

import { useState } from "react";
import { valueAt, withValueAt, type FieldSpec } from "@/lib/designer/form-schema";
import { Button } from "@/components/ui/Button";
import { Icon } from "@/components/ui/Icon";
import styles from "./SchemaForm.module.css";

/**
 * Stores `next` (the edited object) if it is valid. Returns the message to show beside the field when the
 * value is refused; refused values are never stored.
 */
export type CommitField = (field: FieldSpec, next: Record<string, unknown>) => string | undefined;

interface FormProps {
  fields: readonly FieldSpec[];
  value: Record<string, unknown>;
  commit: CommitField;
  /** The person left a field: the next edit of it is a new undo step. */
  onFieldBlur: () => void;
  idPrefix: string;
  /** Display names of enum values by field key, e.g. protocol "grpc" → "gRPC"; other values show as they are. */
  optionLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

interface FieldProps extends Omit<FormProps, "fields"> {
  field: FieldSpec;
}

const fieldId = (prefix: string, field: FieldSpec) => `${prefix}-${field.path.join("-")}`;

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string");
  return present.length > 0 ? present.join(" ") : undefined;
}

/** Help (seed-cited) and error lines under a field. */
function FieldNotes({ id, help, error }: { id: string; help?: string; error?: string }) {
  return (
    <>
      {error ? (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p id={`${id}-help`} className={styles.help}>
          {help}
        </p>
      ) : null}
    </>
  );
}

interface Draft {
  text: string;
  error?: string;
}

/** Text and number inputs keep what the person typed while it is invalid; the store only gets valid values. */
function TextLikeField({ field, value, commit, onFieldBlur, idPrefix }: FieldProps & { field: Extract<FieldSpec, { type: "string" | "number" }> }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const id = fieldId(idPrefix, field);
  const stored = valueAt(value, field.path);
  const text = draft?.text ?? (stored === undefined || stored === null ? "" : String(stored));

  const onChange = (next: string) => {
    let parsed: unknown;
    let error: string | undefined;
    if (next.trim() === "") {
      if (field.required) error = field.type === "number" ? "Enter a number" : "This cannot be empty";
      else parsed = undefined;
    } else if (field.type === "number") {
      parsed = Number(next);
      if (!Number.isFinite(parsed as number)) error = "Enter a number";
    } else {
      parsed = next;
    }
    if (error === undefined) error = commit(field, withValueAt(value, field.path, parsed));
    setDraft({ text: next, ...(error ? { error } : {}) });
  };

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {field.label}
      </label>
      <input
        id={id}
        className={styles.input}
        type={field.type === "number" ? "number" : "text"}
        inputMode={field.type === "number" ? (field.integer ? "numeric" : "decimal") : undefined}
        step={field.type === "number" ? (field.integer ? 1 : "any") : undefined}
        min={field.type === "number" ? field.min : undefined}
        max={field.type === "number" ? field.max : undefined}
        maxLength={field.type === "string" ? field.maxLength : undefined}
        value={text}
        spellCheck={false}
        aria-invalid={draft?.error ? true : undefined}
        aria-describedby={describedBy(draft?.error && `${id}-error`, field.help && `${id}-help`)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => {
          if (!draft?.error) setDraft(null);
          onFieldBlur();
        }}
      />
      <FieldNotes id={id} help={field.help} error={draft?.error} />
    </div>
  );
}

function BooleanField({ field, value, commit, idPrefix }: FieldProps & { field: Extract<FieldSpec, { type: "boolean" }> }) {
  const [error, setError] = useState<string | undefined>();
  const id = fieldId(idPrefix, field);
  return (
    <div className={styles.check}>
      <input
        id={id}
        type="checkbox"
        checked={valueAt(value, field.path) === true}
        aria-describedby={describedBy(error && `${id}-error`, field.help && `${id}-help`)}
        onChange={(event) => setError(commit(field, withValueAt(value, field.path, event.target.checked)))}
      />
      <label htmlFor={id} className={styles.label}>
        {field.label}
      </label>
      <FieldNotes id={id} help={field.help} error={error} />
    </div>
  );
}

function EnumField({ field, value, commit, idPrefix, optionLabels }: FieldProps & { field: Extract<FieldSpec, { type: "enum" }> }) {
  const [error, setError] = useState<string | undefined>();
  const id = fieldId(idPrefix, field);
  const current = valueAt(value, field.path);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {field.label}
      </label>
      <select
        id={id}
        className={styles.select}
        value={typeof current === "string" ? current : ""}
        aria-describedby={describedBy(error && `${id}-error`, field.help && `${id}-help`)}
        onChange={(event) => setError(commit(field, withValueAt(value, field.path, event.target.value === "" ? undefined : event.target.value)))}
      >
        {field.required ? null : <option value="">None</option>}
        {field.options.map((option) => (
          <option key={option} value={option}>
            {optionLabels?.[field.key]?.[option] ?? option}
          </option>
        ))}
      </select>
      <FieldNotes id={id} help={field.help} error={error} />
    </div>
  );
}

function EnumListField({ field, value, commit, idPrefix }: FieldProps & { field: Extract<FieldSpec, { type: "enum-list" }> }) {
  const [error, setError] = useState<string | undefined>();
  const id = fieldId(idPrefix, field);
  const current = valueAt(value, field.path);
  const chosen = new Set(Array.isArray(current) ? (current as string[]) : []);
  return (
    <fieldset className={styles.fieldset} aria-describedby={describedBy(error && `${id}-error`, field.help && `${id}-help`)}>
      <legend className={styles.legend}>{field.label}</legend>
      <FieldNotes id={id} help={field.help} error={error} />
      <div className={styles.options}>
        {field.options.map((option) => (
          <label key={option} className={styles.check}>
            <input
              type="checkbox"
              checked={chosen.has(option)}
              onChange={(event) => {
                const next = field.options.filter((candidate) => (candidate === option ? event.target.checked : chosen.has(candidate)));
                setError(commit(field, withValueAt(value, field.path, next)));
              }}
            />
            <span className={styles.label}>{option}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A list of small objects (a service's routes): one row per item, add and remove buttons. */
function ObjectListField({ field, value, commit, onFieldBlur, idPrefix }: FieldProps & { field: Extract<FieldSpec, { type: "object-list" }> }) {
  const [error, setError] = useState<string | undefined>();
  const id = fieldId(idPrefix, field);
  const current = valueAt(value, field.path);
  const items = Array.isArray(current) ? (current as Record<string, unknown>[]) : [];
  const singular = field.label.replace(/s$/, "").toLowerCase();
  const full = field.maxItems !== undefined && items.length >= field.maxItems;

  const commitItems = (next: Record<string, unknown>[]) => setError(commit(field, withValueAt(value, field.path, next)));

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{field.label}</legend>
      <FieldNotes id={id} help={field.help} error={error} />
      {items.length === 0 ? <p className={styles.listEmpty}>No {field.label.toLowerCase()} yet.</p> : null}
      {items.map((item, index) => {
        const itemFields = field.item.map((itemField) => ({ ...itemField, path: [...field.path, String(index), ...itemField.path], label: `${itemField.label}` }) as FieldSpec);
        return (
          <div key={index} className={styles.row} role="group" aria-label={`${field.label} ${index + 1}`}>
            {itemFields.map((itemField) => (
              <Field key={itemField.key} field={itemField} value={value} commit={commit} onFieldBlur={onFieldBlur} idPrefix={idPrefix} />
            ))}
            <Button
              size="small"
              variant="ghost"
              iconOnly
              className={styles.remove}
              icon={<Icon name="close" size={14} />}
              onClick={() => commitItems(items.filter((_, position) => position !== index))}
            >
              {`Remove ${singular} ${index + 1}`}
            </Button>
          </div>
        );
      })}
      <div>
        <Button size="small" icon={<Icon name="plus" size={14} />} disabled={full} onClick={() => commitItems([...items, { ...field.itemDefaults }])}>
          {`Add ${singular}`}
        </Button>
      </div>
    </fieldset>
  );
}

function Field(props: FieldProps) {
  const { field } = props;
  switch (field.type) {
    case "boolean":
      return <BooleanField {...props} field={field} />;
    case "number":
    case "string":
      return <TextLikeField {...props} field={field} />;
    case "enum":
      return <EnumField {...props} field={field} />;
    case "enum-list":
      return <EnumListField {...props} field={field} />;
    case "object-list":
      return <ObjectListField {...props} field={field} />;
    case "object":
      return (
        <fieldset className={styles.fieldset} aria-describedby={field.help ? `${fieldId(props.idPrefix, field)}-help` : undefined}>
          <legend className={styles.legend}>{field.label}</legend>
          <FieldNotes id={fieldId(props.idPrefix, field)} help={field.help} />
          {field.fields.map((child) => (
            <Field key={child.key} {...props} field={child} />
          ))}
        </fieldset>
      );
  }
}

/** A form generated from a zod schema's fields (see lib/designer/form-schema.ts). */
export function SchemaForm({ fields, ...rest }: FormProps) {
  return (
    <div className={styles.form}>
      {fields.map((field) => (
        <Field key={field.key} field={field} {...rest} />
      ))}
    </div>
  );
}

export { TextLikeField };
export const formStyles = styles;
