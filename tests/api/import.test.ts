import { readdirSync, readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/import/route";
import { parseDesign } from "@/lib/model";

const compose = readFileSync(new URL("../fixtures/import/compose-shop/docker-compose.yml", import.meta.url), "utf8");

function post(body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }): Promise<Response> {
  return POST(new Request("http://localhost/api/import", { method: "POST", body, headers }), undefined);
}

describe("POST /api/import", () => {
  it("answers a preview of the design from JSON files, and stores nothing", async () => {
    const response = await post(JSON.stringify({ files: [{ path: "docker-compose.yml", text: compose }], name: "Shop" }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.format).toBe("compose");
    expect(parseDesign(body.design).success).toBe(true);
    expect(body.design.name).toBe("Shop");
    expect(body.unmapped).toContainEqual(expect.objectContaining({ item: "volumes" }));
  });

  it("reads Terraform .tf files in the job worker, where the HCL parser runs", async () => {
    const folder = new URL("../fixtures/import/terraform/shop/", import.meta.url);
    const files = readdirSync(folder)
      .filter((name) => name.endsWith(".tf"))
      .map((name) => ({ path: name, text: readFileSync(new URL(name, folder), "utf8") }));
    const response = await post(JSON.stringify({ files }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.format).toBe("terraform");
    expect(body.design.zones.some((zone: { kind: string }) => zone.kind === "availability-zone")).toBe(true);
  });

  it("takes multipart uploads, zips included", async () => {
    const form = new FormData();
    form.append("files", new Blob([zipSync({ "shop/docker-compose.yml": strToU8(compose) })]), "shop.zip");
    form.append("name", "Zipped shop");
    const response = await POST(new Request("http://localhost/api/import", { method: "POST", body: form }), undefined);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect([body.format, body.design.name, body.design.components.length]).toEqual(["compose", "Zipped shop", 6]);
  });

  it("refuses what it cannot read with 422 naming each file, and other bodies with 415 or 413", async () => {
    const unknown = await post(JSON.stringify({ files: [{ path: "readme.txt", text: "hello" }] }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).issues).toEqual([{ path: "readme.txt", message: "Not recognised" }]);
    const form = new FormData();
    form.append("files", new Blob([zipSync({ "../../etc/x.yml": strToU8("services: {}") })]), "evil.zip");
    const evil = await POST(new Request("http://localhost/api/import", { method: "POST", body: form }), undefined);
    expect(evil.status).toBe(422);
    expect((await evil.json()).error).toContain("holds an entry outside the archive");
    const bomb = await post(JSON.stringify({ files: [{ path: "compose.yml", text: `a: &a [${Array(10).fill("x").join(",")}]\n${"bcdefgh".split("").map((name, index) => `${name}: &${name} [${Array(10).fill(`*${"abcdefgh"[index]}`).join(",")}]`).join("\n")}\nservices:\n  web:\n    image: nginx\n` }] }));
    expect(bomb.status).toBe(422);
    expect((await post("hello", { "content-type": "text/plain" })).status).toBe(415);
    expect((await post("x".repeat(6 * 1024 * 1024), { "content-type": "multipart/form-data; boundary=x" })).status).toBe(413);
  });
});
