import { simulateDetailed } from "@/lib/simulation";
import type { JobInput, JobResult } from "../protocol";

export function simulateJob({ design, options }: JobInput<"simulate">): JobResult<"simulate"> {
  return simulateDetailed(design, options);
}
