import "./prism-without-worker-listener";
import { highlightedHtml } from "@/components/outputs/highlight";
import type { JobInput, JobResult } from "../protocol";

export function highlightJob({ path, contents }: JobInput<"highlight">): JobResult<"highlight"> {
  return highlightedHtml(path, contents);
}
