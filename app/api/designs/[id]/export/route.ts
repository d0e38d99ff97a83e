import { starterZipFileName } from "@/lib/designer/persistence/design-file";
import { getDesign } from "@/lib/db/designs";
import { starterRepoFiles } from "@/lib/generators/starter-repo";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { toZip } from "@/lib/generators/to-zip";
import { notFound, route, type RouteParams } from "@/lib/http/api";

export const runtime = "nodejs";

/** The design as a zipped starter repository; the file name comes from the design's name, reduced to `a-z0-9-`. */
export const GET = route(async (_request, { params }: RouteParams<"id">) => {
  const { id } = await params;
  const stored = await getDesign(id);
  if (!stored) throw notFound(`Design ${id}`);
  const zip = toZip(starterRepoFiles(stored.document, { archwayVersion: ARCHWAY_VERSION }));
  return new Response(zip, {
    status: 200,
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${starterZipFileName(stored.document.name)}"`,
      "content-length": String(zip.byteLength),
      "cache-control": "no-store",
    },
  });
});
