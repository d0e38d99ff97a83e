"use client";

import { NodeResizer, NodeToolbar, Position, type NodeProps, type ResizeParams } from "@xyflow/react";
import { createContext, memo, useContext, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Rect } from "@/lib/designer/geometry";
import type { AnnotationFlowNode } from "@/lib/designer/to-flow";
import { ANNOTATION_COLOURS, ANNOTATION_LABELS, LIMITS, type AnnotationColour } from "@/lib/model";
import styles from "./AnnotationNode.module.css";

/** What a note's resize handles, text editor and colour buttons report to the canvas. */
export interface AnnotationActions {
  onResizeStart: (id: string) => void;
  onResize: (id: string, rect: Rect) => void;
  onResizeEnd: (id: string, rect: Rect) => void;
  onTextCommit: (id: string, text: string) => void;
  onColour: (id: string, colour: AnnotationColour) => void;
}

export const AnnotationActionsContext = createContext<AnnotationActions | null>(null);

const toRect = (params: ResizeParams): Rect => ({ x: Math.round(params.x), y: Math.round(params.y), width: Math.round(params.width), height: Math.round(params.height) });

const MIN_SIZE = 20;

/** The colour a kind takes when none was picked: notes are sticky-note yellow, the rest neutral. */
const DEFAULT_COLOUR = { note: "yellow", text: "grey", rectangle: "grey", ellipse: "grey" } as const;

function AnnotationNodeView({ id, data, selected }: NodeProps<AnnotationFlowNode>) {
  const { annotation } = data;
  const actions = useContext(AnnotationActionsContext);
  const [draft, setDraft] = useState<string | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const colour = annotation.colour ?? DEFAULT_COLOUR[annotation.kind];

  useEffect(() => {
    if (draft === null) return;
    const field = editor.current;
    if (field && document.activeElement !== field) {
      field.focus();
      field.select();
    }
  }, [draft]);

  const commit = () => {
    if (draft === null) return;
    if (draft !== annotation.text) actions?.onTextCommit(id, draft);
    setDraft(null);
  };
  const onEditorKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Escape ends editing and keeps the text, as in draw.io; the key stops here so the canvas keeps its selection.
    if (event.key === "Escape" || (event.key === "Enter" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      event.stopPropagation();
      commit();
    }
  };

  return (
    <div
      className={styles.annotation}
      data-kind={annotation.kind}
      data-colour={colour}
      data-selected={selected ? "true" : "false"}
      onDoubleClick={() => setDraft(annotation.text)}
      data-testid="annotation"
    >
      {draft === null ? (
        <div className={styles.text} data-empty={annotation.text === "" ? "true" : "false"}>
          {annotation.text === "" && selected ? "Double-click to add text" : annotation.text}
        </div>
      ) : (
        <textarea
          ref={editor}
          className={`${styles.editor} nodrag nowheel nopan`}
          aria-label={`${ANNOTATION_LABELS[annotation.kind]} text`}
          value={draft}
          maxLength={LIMITS.annotationTextLength}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={onEditorKey}
        />
      )}
      <NodeToolbar isVisible={selected && draft === null} position={Position.Top} className={styles.toolbar} aria-label="Note colour">
        {ANNOTATION_COLOURS.map((option) => (
          <button
            key={option}
            type="button"
            className={styles.swatch}
            data-colour={option}
            aria-pressed={option === colour}
            aria-label={`Colour ${option}`}
            title={option}
            onClick={() => actions?.onColour(id, option)}
          />
        ))}
      </NodeToolbar>
      <NodeResizer
        isVisible={selected && draft === null}
        minWidth={MIN_SIZE}
        minHeight={MIN_SIZE}
        handleClassName={styles.resizeHandle}
        lineClassName={styles.resizeLine}
        onResizeStart={() => actions?.onResizeStart(id)}
        onResize={(_, params) => actions?.onResize(id, toRect(params))}
        onResizeEnd={(_, params) => actions?.onResizeEnd(id, toRect(params))}
      />
    </div>
  );
}

export const AnnotationNode = memo(AnnotationNodeView);
