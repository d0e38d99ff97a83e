import { describe, expect, it } from "vitest";
import { GET as getTemplate } from "@/app/api/templates/[id]/route";
import { GET as getThumbnail } from "@/app/api/templates/[id]/thumbnail/route";
import { GET as listTemplates } from "@/app/api/templates/route";
import { parseDesign } from "@/lib/model";
import { TEMPLATES, findTemplate, templateSummaries } from "@/lib/templates";
import { designThumbnail } from "@/lib/templates/thumbnail";

function context(id: string) {
  return { params: Promise.resolve({ id }) };
}

describe("GET /api/templates", () => {
  it("lists every template's summary and thumbnail address", async () => {
    const response = await listTemplates(new Request("http://localhost/api/templates"), undefined);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      templates: templateSummaries().map((summary) => ({ ...summary, thumbnail: `/api/templates/${summary.id}/thumbnail` })),
    });
    expect(body.templates).toHaveLength(TEMPLATES.length);
  });
});

describe("GET /api/templates/[id]", () => {
  it("returns the design document, ready to save as a new design", async () => {
    const response = await getTemplate(new Request("http://localhost/api/templates/eks-full-stack"), context("eks-full-stack"));
    expect(response.status).toBe(200);
    const parsed = parseDesign(await response.json());
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.design).toEqual(findTemplate("eks-full-stack")?.design);
  });

  it("answers 404 with an error for an unknown template", async () => {
    const response = await getTemplate(new Request("http://localhost/api/templates/nope"), context("nope"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Template nope not found" });
  });
});

describe("GET /api/templates/[id]/thumbnail", () => {
  it("draws the template's design as SVG", async () => {
    const response = await getThumbnail(new Request("http://localhost/api/templates/url-shortener/thumbnail"), context("url-shortener"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(await response.text()).toBe(designThumbnail(findTemplate("url-shortener")!.design));
  });

  it("answers 404 for an unknown template", async () => {
    const response = await getThumbnail(new Request("http://localhost/api/templates/nope/thumbnail"), context("nope"));
    expect(response.status).toBe(404);
  });
});
