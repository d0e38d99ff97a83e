import { designPicture } from "@/lib/generators/picture/svg";
import type { JobInput, JobResult } from "../protocol";

/** The same SVG as `archway generate --target svg` and the files API. */
export function pictureJob({ design }: JobInput<"picture">): JobResult<"picture"> {
  return designPicture(design);
}
