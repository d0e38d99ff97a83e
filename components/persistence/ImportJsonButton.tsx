"use client";

import { useRef, useState } from "react";
import type { Design, DesignIssue } from "@/lib/model";
import { readDesignFile } from "@/lib/designer/persistence/design-file";
import { Button } from "@/components/ui/Button";

interface ImportJsonButtonProps {
  onDesign: (design: Design, fileName: string) => void | Promise<void>;
  onInvalid: (issues: DesignIssue[], fileName: string) => void;
  /** "small" in the dense editor header, the default on pages. */
  size?: "default" | "small";
}

/** "Import JSON": picks a file and parses it with the design schema before anyone sees it. */
export function ImportJsonButton({ onDesign, onInvalid, size = "default" }: ImportJsonButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);

  async function importFile(file: File) {
    setReading(true);
    try {
      const result = await readDesignFile(file);
      if (result.success) await onDesign(result.design, file.name);
      else onInvalid(result.issues, file.name);
    } finally {
      setReading(false);
    }
  }

  return (
    <>
      <Button size={size} disabled={reading} onClick={() => input.current?.click()}>
        Import JSON
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Reset so choosing the same file again (after fixing it) fires another change.
          event.currentTarget.value = "";
          if (file) void importFile(file);
        }}
      />
    </>
  );
}
