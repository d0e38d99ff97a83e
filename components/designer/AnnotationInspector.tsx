"use client";

import { useState, type ReactNode } from "react";
import { updateAnnotationCommand } from "@/lib/designer/commands/annotations";
import { ANNOTATION_COLOURS, ANNOTATION_LABELS, LIMITS, type Annotation } from "@/lib/model";
import { useDesignerStore } from "./DesignerContext";
import styles from "./Inspector.module.css";
import { formStyles } from "./SchemaForm";

/** A note or shape: its text (the keyboard way to write it, besides double-clicking on the canvas) and colour. */
export function AnnotationInspector({ annotation, footer }: { annotation: Annotation; footer: ReactNode }) {
  const store = useDesignerStore();
  const [text, setText] = useState(annotation.text);
  const [refusal, setRefusal] = useState<string | undefined>();
  const commitText = () => {
    if (text === annotation.text) return;
    const result = store.dispatch(updateAnnotationCommand(annotation.id, { text }));
    setRefusal(result.refused);
  };
  const fieldId = `annotation-${annotation.id}-text`;
  return (
    <div className={styles.inspector}>
      <div className={styles.header}>
        <div className={styles.tile}>
          <img src={`/icons/${annotation.kind}.svg`} alt="" width={20} height={20} />
        </div>
        <div className={styles.heading}>
          <h2 className={styles.kind}>{ANNOTATION_LABELS[annotation.kind]}</h2>
          <p className={styles.description}>For the people reading the design: kept in the design file and listed in the exported architecture doc; rules and generated code ignore it.</p>
        </div>
      </div>
      <div className={formStyles.form}>
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor={fieldId}>
            Text
          </label>
          <textarea
            id={fieldId}
            className={formStyles.textarea}
            value={text}
            rows={5}
            maxLength={LIMITS.annotationTextLength}
            aria-invalid={refusal ? "true" : undefined}
            onChange={(event) => setText(event.target.value)}
            onBlur={commitText}
          />
          {refusal ? <p className={formStyles.error}>{refusal}</p> : null}
        </div>
        <fieldset className={formStyles.fieldset}>
          <legend className={formStyles.label}>Colour</legend>
          <div role="group" aria-label="Colour">
            {ANNOTATION_COLOURS.map((colour) => (
              <label key={colour} className={formStyles.check}>
                <input
                  type="radio"
                  name={`annotation-${annotation.id}-colour`}
                  checked={(annotation.colour ?? (annotation.kind === "note" ? "yellow" : "grey")) === colour}
                  onChange={() => store.dispatch(updateAnnotationCommand(annotation.id, { colour }))}
                />
                {colour}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {footer}
    </div>
  );
}
