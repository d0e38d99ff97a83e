import { layoutDesign } from "@/lib/designer/layout";
import type { JobInput, JobResult } from "../protocol";

export function layoutJob({ design }: JobInput<"layout">): JobResult<"layout"> {
  return layoutDesign(design);
}
