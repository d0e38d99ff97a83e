"use client";

import { createContext, useContext } from "react";
import type { DesignerStore } from "@/lib/designer/store";

export const DesignerStoreContext = createContext<DesignerStore | null>(null);

export function useDesignerStore(): DesignerStore {
  const store = useContext(DesignerStoreContext);
  if (!store) throw new Error("useDesignerStore must be used inside <Editor>");
  return store;
}
