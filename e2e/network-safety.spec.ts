import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DesignerPage } from "./pages/designer";

/**
 * Safe on the network by default, proven against the production server: requests sent byte for byte with node:http
 * (a browser cannot forge Host, Origin or Sec-Fetch-Site, so neither can fetch here), then pages in Chromium
 * under their Content-Security-Policy, and a real cross-site page attacking the API.
 */

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(baseURL: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  const server = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const length: Record<string, string> = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
    const outgoing = httpRequest({ host: server.hostname, port: server.port, method, path, headers: { host: server.host, ...length, ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString("utf8") }));
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

async function designNames(baseURL: string): Promise<string[]> {
  const listed = await send(baseURL, "GET", "/api/designs");
  expect(listed.status).toBe(200);
  return (JSON.parse(listed.body) as { designs: { name: string }[] }).designs.map((design) => design.name);
}

/** The same server under its other loopback name: a different origin (and site), but a Host the server answers. */
function otherOrigin(baseURL: string): string {
  const url = new URL(baseURL);
  url.hostname = url.hostname === "localhost" ? "127.0.0.1" : "localhost";
  return url.origin;
}

/** Console errors and CSP violation events of a page, from its first script on. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`);
    });
  });
  return problems;
}

test.describe("network safety", () => {
  test("a foreign Host header is refused (DNS rebinding) and the loopback names are served", async ({ baseURL }) => {
    const foreign = await send(baseURL!, "GET", "/api/designs", { host: `rebind.attacker.example:${new URL(baseURL!).port}` });
    expect(foreign.status).toBe(421);
    expect(JSON.parse(foreign.body).error).toMatch(/Host "rebind\.attacker\.example:\d+" is not served here.*DNS-rebinding/);
    const page = await send(baseURL!, "GET", "/", { host: "evil.example" });
    expect(page.status).toBe(421);

    for (const origin of [baseURL!, otherOrigin(baseURL!)]) {
      expect((await send(baseURL!, "GET", "/api/designs", { host: new URL(origin).host })).status).toBe(200);
    }

    // npm start trusts no proxy by default: forwarded names and schemes a client sends are dropped, not believed.
    const spoofed = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "content-type": "application/json", origin: new URL(baseURL!).origin };
    expect((await send(baseURL!, "POST", "/api/validate", spoofed, JSON.stringify({ schemaVersion: 1, name: "Spoofed" }))).status).toBe(200);
  });

  test("cross-site writes are refused with 403 and change nothing; the same request from a non-browser client works", async ({ baseURL }) => {
    const name = `Cross-site ${randomUUID().slice(0, 8)}`;
    const attempts: Record<string, string>[] = [
      // A <form enctype="text/plain"> on another site.
      { "content-type": "text/plain", origin: "http://attacker.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" },
      // fetch(url, { mode: "no-cors", method: "POST" }) from another site.
      { "content-type": "text/plain;charset=UTF-8", origin: "http://attacker.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" },
      // A browser that sends only one of the two headers.
      { "content-type": "application/json", origin: "http://attacker.example" },
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      { "content-type": "application/json", "sec-fetch-site": "same-site" },
    ];
    for (const headers of attempts) {
      const refused = await send(baseURL!, "POST", "/api/designs", headers, JSON.stringify({ name }));
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(refused.body).error).toMatch(/^Cross-site POST refused/);
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect((await send(baseURL!, method, "/api/designs/any-id", { "content-type": "application/json", origin: "http://attacker.example" }, "{}")).status).toBe(403);
    }
    expect(await designNames(baseURL!)).not.toContain(name);

    const fromCli = await send(baseURL!, "POST", "/api/designs", { "content-type": "application/json" }, JSON.stringify({ name }));
    expect(fromCli.status).toBe(201);
    const fromOwnPage = await send(baseURL!, "POST", "/api/designs", { "content-type": "application/json", origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin" }, JSON.stringify({ name }));
    expect(fromOwnPage.status).toBe(201);
  });

  test("a page on another site cannot create designs in Chromium, by form or by no-cors fetch", async ({ page, baseURL }) => {
    const target = `${new URL(baseURL!).origin}/api/designs`;
    const name = `Forged ${randomUUID().slice(0, 8)}`;
    // The attacker's page on its own server. Served on loopback so that Chromium's own local-network-access guard
    // lets the requests out and this server has to refuse them itself; its host name is the other loopback name,
    // so the page is on another site.
    const attackerPage = `<!doctype html><form method="post" action="${target}" enctype="text/plain"><input name='{"name":"${name}","x":"' value='"}'></form>`;
    const attackerServer = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(attackerPage));
    await new Promise<void>((resolve) => attackerServer.listen(0, "127.0.0.1", resolve));
    const attackerPort = (attackerServer.address() as AddressInfo).port;
    const attacker = `http://${new URL(baseURL!).hostname === "localhost" ? "127.0.0.1" : "localhost"}:${attackerPort}`;
    try {
      await page.goto(`${attacker}/`);

      const forgedFetch = page.waitForResponse((response) => response.url() === target && response.request().method() === "POST");
      await page.evaluate(
        ({ url, body }) => fetch(url, { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body }).then(() => undefined),
        { url: target, body: JSON.stringify({ name }) },
      );
      const fetchResponse = await forgedFetch;
      expect(fetchResponse.status()).toBe(403);
      expect(fetchResponse.request().headers()["content-type"]).toBe("text/plain");

      const forgedForm = page.waitForResponse((response) => response.url() === target && response.request().method() === "POST");
      await page.locator("form").evaluate((form: HTMLFormElement) => form.submit());
      const formResponse = await forgedForm;
      expect(formResponse.status()).toBe(403);
      expect(formResponse.request().headers()["content-type"]).toMatch(/^text\/plain/);
    } finally {
      await new Promise((resolve) => attackerServer.close(resolve));
    }

    expect(await designNames(baseURL!)).not.toContain(name);
  });

  test("JSON bodies need Content-Type: application/json", async ({ baseURL }) => {
    const name = `Untyped ${randomUUID().slice(0, 8)}`;
    const untyped: Record<string, string>[] = [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, {}];
    for (const headers of untyped) {
      const refused = await send(baseURL!, "POST", "/api/designs", headers, JSON.stringify({ name }));
      expect(refused.status, JSON.stringify(headers)).toBe(415);
      expect(JSON.parse(refused.body).error).toMatch(/Content-Type: application\/json/);
    }
    const validate = await send(baseURL!, "POST", "/api/validate", { "content-type": "text/plain" }, JSON.stringify({ schemaVersion: 1, name }));
    expect(validate.status).toBe(415);
    expect(await designNames(baseURL!)).not.toContain(name);
    expect((await send(baseURL!, "POST", "/api/validate", { "content-type": "application/json; charset=utf-8" }, JSON.stringify({ schemaVersion: 1, name }))).status).toBe(200);
  });

  test("malformed percent-encoding answers 400 and unknown methods 405 with Allow, never 500", async ({ baseURL }) => {
    for (const path of ["/api/designs/%C0%AE", "/api/designs/%C0%AE/export", "/api/designs/%", "/designs/%C0%AE", "/api/templates/%E2%9C"]) {
      const response = await send(baseURL!, "GET", path);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body).error).toMatch(/percent-encoding/);
    }
    const trace = await send(baseURL!, "TRACE", "/api/designs");
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect((await send(baseURL!, "TRACE", "/")).status).toBe(405);
    const propfind = await send(baseURL!, "PROPFIND", "/api/designs/any-id");
    expect(propfind.status).toBe(405);
    expect(propfind.headers.allow).toBe("DELETE, GET, HEAD, OPTIONS, PATCH, PUT");
    const unexported = await send(baseURL!, "DELETE", "/api/validate");
    expect(unexported.status).toBe(405);
    expect(unexported.headers.allow).toBe("OPTIONS, POST");
    expect((await send(baseURL!, "GET", "/api/designs")).status).toBe(200);
  });

  test("pages carry a CSP with a fresh nonce on every script, and every response the security headers", async ({ baseURL }) => {
    const first = await send(baseURL!, "GET", "/");
    const second = await send(baseURL!, "GET", "/");
    expect(first.status).toBe(200);
    const policy = String(first.headers["content-security-policy"]);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(String(second.headers["content-security-policy"])).not.toContain(nonce!);
    const scripts = [...first.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(first.body)?.[1];
    for (const path of ["/", "/api/designs", "/api/schema", stylesheet ?? "/icon.svg", "/api/designs/nope"]) {
      const response = await send(baseURL!, "GET", path);
      expect(response.headers["x-content-type-options"], path).toBe("nosniff");
      expect(response.headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(response.headers["x-powered-by"], path).toBeUndefined();
    }
  });

  test("the designs page, the gallery, an editor, its outputs, auto-layout and Export run under the CSP without a violation", async ({ page, request }) => {
    const problems = await watchForViolations(page);
    const template = await (await request.get("/api/templates/distributed-system")).json();
    const created = await request.post("/api/designs", { data: { document: { ...template, name: `CSP ${randomUUID().slice(0, 8)}` } } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto("/");
    await page.getByRole("button", { name: "New design" }).click();
    const gallery = page.getByRole("dialog", { name: "New design" });
    const thumbnail = gallery.locator("img").first();
    await expect(thumbnail).toBeVisible();
    await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

    await page.goto(`/designs/${id}`);
    const designer = new DesignerPage(page);
    await expect(designer.canvas.locator(".react-flow__node-component").first()).toBeVisible();
    expect(await designer.canvas.locator(".react-flow__node-component").count()).toBeGreaterThan(5);
    await page.getByRole("tab", { name: "Outputs" }).click();
    const outputs = page.getByRole("tabpanel", { name: "Outputs" });
    await expect(outputs.getByTestId("mermaid-diagram").locator("svg")).toBeVisible({ timeout: 30_000 });
    // Handlebars renders the service templates: precompiled, because the page forbids eval.
    await outputs.getByRole("button", { name: "TypeScript services" }).click();
    await expect(outputs.getByTestId("output-code")).not.toBeEmpty();

    await page.getByRole("button", { name: "Auto-layout" }).click();
    const exportButton = page.getByRole("button", { name: "Export starter repository" });
    const download = page.waitForEvent("download");
    await exportButton.click();
    expect((await download).suggestedFilename()).toMatch(/-starter\.zip$/);

    expect(problems).toEqual([]);
  });
});
