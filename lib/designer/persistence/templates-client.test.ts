import { describe, expect, it } from "vitest";
import { templateSummaries, findTemplate } from "@/lib/templates";
import { createTemplatesApi } from "./templates-client";

function answering(routes: Record<string, () => Response>): typeof fetch {
  return async (input) => {
    const path = String(input);
    const respond = routes[path];
    if (!respond) return new Response(JSON.stringify({ error: "not found" }), { status: 404 });
    return respond();
  };
}

const gallery = () => ({ templates: templateSummaries().map((summary) => ({ ...summary, thumbnail: `/api/templates/${summary.id}/thumbnail` })) });

describe("templates client", () => {
  it("reads the gallery and a template's design", async () => {
    const api = createTemplatesApi(
      answering({
        "/api/templates": () => Response.json(gallery()),
        "/api/templates/url-shortener": () => Response.json(findTemplate("url-shortener")!.design),
      }),
    );
    const listed = await api.listTemplates();
    expect(listed.kind === "ok" && listed.value.map((template) => template.id)).toEqual(templateSummaries().map((summary) => summary.id));
    const design = await api.templateDesign("url-shortener");
    expect(design).toEqual({ kind: "ok", value: findTemplate("url-shortener")!.design });
  });

  it("says what went wrong for a missing template, a malformed answer and a dead server", async () => {
    const api = createTemplatesApi(answering({ "/api/templates": () => Response.json({ templates: [{ id: 1 }] }) }));
    expect(await api.templateDesign("nope")).toEqual({ kind: "failed", error: "The server answered 404 for /api/templates/nope" });
    expect(await api.listTemplates()).toEqual({ kind: "failed", error: "The server sent a template list this page cannot read" });
    const offline = createTemplatesApi(() => Promise.reject(new TypeError("fetch failed")));
    expect((await offline.listTemplates()).kind).toBe("failed");
  });

  it("refuses a template document that is not a design", async () => {
    const api = createTemplatesApi(answering({ "/api/templates/bad": () => Response.json({ components: "many" }) }));
    expect(await api.templateDesign("bad")).toEqual({ kind: "failed", error: "The server sent a template this editor cannot read" });
  });
});
