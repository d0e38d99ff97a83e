import { generate } from "@/lib/generators";
import type { JobInput, JobResult } from "../protocol";

export function generateJob({ design, target }: JobInput<"generate">): JobResult<"generate"> {
  return generate(design, target);
}
