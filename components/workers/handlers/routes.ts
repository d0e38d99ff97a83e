import { estimatedTextWidth, routeDesign } from "@/lib/designer/design-routes";
import type { JobInput, JobResult } from "../protocol";

export function routesJob({ design, labelWidths }: JobInput<"routes">): JobResult<"routes"> {
  return Object.fromEntries(routeDesign(design, (text) => labelWidths[text] ?? estimatedTextWidth(text)));
}
