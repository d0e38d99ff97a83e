import { starterRepoZipFiles } from "@/lib/generators/starter-repo";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { toZip } from "@/lib/generators/to-zip";
import type { JobInput, JobResult, JobStage } from "../protocol";

/** The same files as GET /api/designs/:id/export and `archway export`, zipped; says when zipping starts. */
export function starterZipJob({ design }: JobInput<"starter-zip">, progress: (stage: JobStage) => void): JobResult<"starter-zip"> {
  const files = starterRepoZipFiles(design, { archwayVersion: ARCHWAY_VERSION });
  progress("zipping");
  return toZip(files);
}
