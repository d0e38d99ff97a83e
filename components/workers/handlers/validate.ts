import { runRules } from "@/lib/rules/run-rules";
import type { JobInput, JobResult } from "../protocol";

export function validateJob({ design }: JobInput<"validate">): JobResult<"validate"> {
  return runRules(design);
}
