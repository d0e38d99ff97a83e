import { starterRepoFiles } from "@/lib/generators/starter-repo";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { toZip } from "@/lib/generators/to-zip";
import type { Design } from "@/lib/model";

/**
 * The browser half of Export, loaded with a dynamic import so the generators, Handlebars, the YAML library and
 * fflate stay out of the editor's bundle until someone exports. Two steps, so the button can say which one runs.
 */
export const starterZip = {
  files: (design: Design) => starterRepoFiles(design, { archwayVersion: ARCHWAY_VERSION }),
  zip: toZip,
};
