import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { unzipSync } from "fflate";
import { expect } from "vitest";

/**
 * What an assistant does with Archway, as one script both transports run: build a design from nothing, apply fixes
 * until no error is left, simulate a drill, generate and export. Returns the design id.
 */

interface ToolAnswer {
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
  content: { type: string; text?: string; resource?: { blob?: string; mimeType?: string } }[];
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
  return (await client.callTool({ name, arguments: args })) as ToolAnswer;
}

async function ok(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await call(client, name, args);
  expect(answer.isError, `${name}: ${answer.content[0]?.text}`).toBeFalsy();
  return answer.structuredContent ?? {};
}

export async function buildFixAndExport(client: Client): Promise<string> {
  const tools = (await client.listTools()).tools.map((tool) => tool.name);
  expect(tools).toEqual(expect.arrayContaining(["list_templates", "create_design", "add_component", "update_component", "connect", "validate", "apply_fix", "simulate", "generate", "export"]));

  const created = await ok(client, "create_design", { name: "Assistant's shop" });
  const designId = String(created.designId);
  for (const [kind, name] of [["client", "Browsers"], ["load-balancer", "Public LB"], ["service", "Orders API"], ["database", "Orders DB"]]) {
    await ok(client, "add_component", { designId, kind, name });
  }
  await ok(client, "connect", { designId, source: "Browsers", target: "Public LB" });
  await ok(client, "connect", { designId, source: "Public LB", target: "Orders API" });
  await ok(client, "connect", { designId, source: "Orders API", target: "Orders DB" });

  const invalid = await call(client, "update_component", { designId, component: "Orders API", settings: { replicas: -3 } });
  expect(invalid.isError).toBe(true);
  expect(invalid.content[0].text).toMatch(/The change would make the design invalid: components\.2\.config\.replicas/);
  const unknown = await call(client, "connect", { designId, source: "Browsers", target: "Nowhere" });
  expect(unknown.content[0].text).toContain('No component "Nowhere"');

  type Finding = { id: string; severity: string; fixable: boolean };
  let findings = (await ok(client, "validate", { designId })).findings as Finding[];
  expect(findings.some((finding) => finding.severity === "error")).toBe(true);
  for (let round = 0; round < 20 && findings.some((finding) => finding.severity === "error"); round += 1) {
    const fixable = findings.find((finding) => finding.severity === "error" && finding.fixable);
    expect(fixable, `an error without a fix: ${JSON.stringify(findings.filter((finding) => finding.severity === "error"))}`).toBeDefined();
    await ok(client, "apply_fix", { designId, findingId: fixable!.id });
    findings = (await ok(client, "validate", { designId })).findings as Finding[];
  }
  expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);

  const drill = await ok(client, "simulate", { designId, failComponents: ["Orders DB"] });
  expect(drill.availability).toBeLessThan(1);

  const mermaid = (await ok(client, "generate", { designId, target: "mermaid" })).files as { path: string; contents?: string }[];
  expect(mermaid.some((file) => file.contents?.includes("Orders API"))).toBe(true);

  const exported = await call(client, "export", { designId });
  const blob = exported.content.find((part) => part.type === "resource")?.resource?.blob;
  expect(blob).toBeDefined();
  const zip = unzipSync(Buffer.from(blob!, "base64"));
  expect(Object.keys(zip).some((path) => path.endsWith("README.md"))).toBe(true);

  const resource = await client.readResource({ uri: `archway://designs/${designId}` });
  const [document] = resource.contents;
  expect("text" in document && JSON.parse(document.text).name).toBe("Assistant's shop");
  return designId;
}
