import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { COMPONENT_KIND_IDS, PROTOCOLS } from "../catalog";
import { GENERATOR_TARGETS } from "../generators";
import { canonicalDesignText, createComponent, createConnection, createEmptyDesign, LIMITS, parseDesign, type Design } from "../model";
import { applyFix } from "../rules/run-rules";
import { TEMPLATES, findTemplate } from "../templates";
import type { DesignStore, Engine, StoredDesignRef } from "./ports";

/**
 * Archway as a Model Context Protocol server: an assistant can list templates, create a design, add, change and
 * connect components, validate, apply fixes, simulate and run drills, generate outputs and export the starter repo,
 * and read designs and their findings as resources. Every change goes through parseDesign, the schema the REST API
 * uses, and comes back with the same issue messages; a change that would make the design invalid is refused and
 * nothing is saved.
 */

export const ARCHWAY_MCP_NAME = "archway";
/** Longest file text a generate answer carries; larger files are listed with their size. */
const MAX_FILE_TEXT = 64 * 1024;

class ToolRefusal extends Error {}

function data(value: unknown): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value, null, 2) }], structuredContent: value as Record<string, unknown> };
}

function refused(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/** Runs a tool; a refusal (unknown id, invalid change) becomes an error result the assistant can read and correct. */
async function guarded(work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ToolRefusal) return refused(error.message);
    throw error;
  }
}

function validated(candidate: unknown): Design {
  const parsed = parseDesign(candidate);
  if (!parsed.success) throw new ToolRefusal(`The change would make the design invalid: ${parsed.issues.slice(0, 10).map((issue) => `${issue.path || "(design)"}: ${issue.message}`).join("; ")}`);
  return parsed.design;
}

function summary(stored: StoredDesignRef) {
  const { design } = stored;
  return {
    designId: stored.id,
    revision: stored.revision,
    name: design.name,
    components: design.components.map((component) => ({ id: component.id, kind: component.kind, name: component.name, ...(component.zoneId ? { zoneId: component.zoneId } : {}) })),
    connections: design.connections.map((connection) => ({ id: connection.id, source: connection.source, target: connection.target, protocol: connection.protocol })),
    zones: design.zones.map((zone) => ({ id: zone.id, kind: zone.kind, name: zone.name })),
  };
}

/** A component named by id or exact name, as people say them. */
function componentIn(design: Design, reference: string) {
  const found = design.components.find((component) => component.id === reference) ?? design.components.find((component) => component.name === reference);
  if (!found) throw new ToolRefusal(`No component "${reference}" in design "${design.name}"; its components are ${design.components.map((component) => `${component.name} (${component.id})`).join(", ") || "none"}`);
  return found;
}

export function createArchwayMcpServer({ store, engine, version }: { store: DesignStore; engine: Engine; version: string }): McpServer {
  const server = new McpServer({ name: ARCHWAY_MCP_NAME, version });

  async function load(designId: string): Promise<StoredDesignRef> {
    const stored = await store.get(designId);
    if (!stored) throw new ToolRefusal(`No design "${designId}"; list_designs names them`);
    return stored;
  }

  async function change(designId: string, edit: (design: Design) => unknown): Promise<StoredDesignRef> {
    const stored = await load(designId);
    const next = validated(edit(structuredClone(stored.design)));
    const saved = await store.save(designId, stored.revision, next);
    if (saved === "conflict") throw new ToolRefusal(`Design "${designId}" was changed by someone else meanwhile; read it again and retry`);
    if (saved === "not-found") throw new ToolRefusal(`No design "${designId}"`);
    return saved;
  }

  const designId = z.string().min(1).max(100).describe("Id of the design, from create_design or list_designs.");

  server.registerTool("list_templates", { description: "List the reference designs a new design can start from.", inputSchema: {} }, async () =>
    data({ templates: TEMPLATES.map((template) => ({ id: template.id, title: template.title, components: template.design.components.length })) }),
  );

  server.registerTool("list_designs", { description: "List the saved designs.", inputSchema: {} }, async () => data({ designs: await store.list() }));

  server.registerTool(
    "create_design",
    {
      description: "Create a design, blank or from a template (see list_templates).",
      inputSchema: { name: z.string().trim().min(1).max(LIMITS.nameLength).describe("Name of the design."), template: z.string().optional().describe("Template id to start from.") },
    },
    async ({ name, template }) =>
      guarded(async () => {
        const source = template === undefined ? createEmptyDesign(name) : findTemplate(template)?.design;
        if (!source) throw new ToolRefusal(`No template "${template}"; list_templates names them`);
        return data(summary(await store.create(validated({ ...structuredClone(source), name }))));
      }),
  );

  server.registerTool("get_design", { description: "The design's components, connections and zones.", inputSchema: { designId } }, async (input) =>
    guarded(async () => data(summary(await load(input.designId)))),
  );

  server.registerTool(
    "add_component",
    {
      description: "Add a component of a kind (client, dns, cdn, waf, rate-limiter, load-balancer, api-gateway, reverse-proxy, service, worker, cache, database, nosql-database, object-storage, queue, observability, secrets-manager).",
      inputSchema: {
        designId,
        kind: z.enum(COMPONENT_KIND_IDS).describe("What the component is."),
        name: z.string().trim().min(1).max(LIMITS.nameLength).optional().describe("Its name; the kind's label when absent."),
        zoneId: z.string().optional().describe("Zone to place it in."),
      },
    },
    async (input) =>
      guarded(async () => {
        let added = "";
        const saved = await change(input.designId, (design) => {
          const x = 40 + (design.components.length % 6) * 240;
          const y = 40 + Math.floor(design.components.length / 6) * 120;
          const component = createComponent(design, input.kind, { x, y }, input.zoneId);
          added = component.id;
          return { ...design, components: [...design.components, { ...component, ...(input.name ? { name: input.name } : {}) }] };
        });
        return data({ componentId: added, ...summary(saved) });
      }),
  );

  server.registerTool(
    "update_component",
    {
      description: "Rename a component or change its settings (a partial settings object, merged into the current one; checked against the kind's schema).",
      inputSchema: {
        designId,
        component: z.string().describe("Component id or exact name."),
        name: z.string().trim().min(1).max(LIMITS.nameLength).optional(),
        settings: z.record(z.string(), z.unknown()).optional().describe("Settings to change, e.g. { \"replicas\": 3 }."),
      },
    },
    async (input) =>
      guarded(async () => {
        const saved = await change(input.designId, (design) => {
          const target = componentIn(design, input.component);
          return {
            ...design,
            components: design.components.map((component) =>
              component.id !== target.id ? component : { ...component, ...(input.name ? { name: input.name } : {}), config: { ...component.config, ...(input.settings ?? {}) } },
            ),
          };
        });
        return data(summary(saved));
      }),
  );

  server.registerTool(
    "connect",
    {
      description: "Connect two components (the caller first); the timeout fits the chain like the editor's.",
      inputSchema: { designId, source: z.string().describe("Calling component, id or name."), target: z.string().describe("Called component, id or name."), protocol: z.enum(PROTOCOLS).optional() },
    },
    async (input) =>
      guarded(async () => {
        let connectionId = "";
        const saved = await change(input.designId, (design) => {
          const connection = createConnection(design, componentIn(design, input.source), componentIn(design, input.target));
          connectionId = connection.id;
          const chosen = input.protocol ? { ...connection, protocol: input.protocol, ...(input.protocol === "async" ? { timeoutMs: undefined } : {}) } : connection;
          return { ...design, connections: [...design.connections, chosen] };
        });
        return data({ connectionId, ...summary(saved) });
      }),
  );

  server.registerTool("validate", { description: "Check the design against the best-practice rules: findings (with ids for apply_fix) and scores.", inputSchema: { designId } }, async (input) =>
    guarded(async () => {
      const result = await engine.validate((await load(input.designId)).design);
      return data({
        total: result.total,
        scores: { overall: result.scores.overall },
        findings: result.findings.map((finding) => ({ id: finding.id, severity: finding.severity, title: finding.title, message: finding.message, fixable: finding.fixable, remediation: finding.remediation })),
      });
    }),
  );

  server.registerTool("apply_fix", { description: "Apply the automatic fix of a finding (a fixable one from validate).", inputSchema: { designId, findingId: z.string().describe("Finding id from validate.") } }, async (input) =>
    guarded(async () => {
      const saved = await change(input.designId, (design) => {
        try {
          return applyFix(design, input.findingId);
        } catch (error) {
          throw new ToolRefusal((error as Error).message);
        }
      });
      return data(summary(saved));
    }),
  );

  server.registerTool(
    "simulate",
    {
      description: "Simulate traffic, optionally as a drill: failed components or zones, and a load multiplier (10 is a 10× spike).",
      inputSchema: {
        designId,
        loadMultiplier: z.number().min(0).max(1000).optional(),
        failComponents: z.array(z.string()).max(100).optional().describe("Components to fail, by id or name."),
        failZones: z.array(z.string()).max(100).optional().describe("Availability zones to fail, by id."),
      },
    },
    async (input) =>
      guarded(async () => {
        const { design } = await load(input.designId);
        const failures = [
          ...(input.failComponents ?? []).map((reference) => ({ type: "component" as const, componentId: componentIn(design, reference).id })),
          ...(input.failZones ?? []).map((zoneId) => {
            if (!design.zones.some((zone) => zone.id === zoneId && zone.kind === "availability-zone")) throw new ToolRefusal(`No availability zone "${zoneId}"`);
            return { type: "zone" as const, zoneId };
          }),
        ];
        const result = await engine.simulate(design, { failures, ...(input.loadMultiplier === undefined ? {} : { loadMultiplier: input.loadMultiplier }) });
        return data({
          availability: result.availability,
          bottleneck: result.bottleneck,
          paths: result.paths.slice(0, 20).map((path) => ({ components: path.componentIds, p95Ms: path.p95Ms, outcome: path.outcome, errorRate: path.errorRate })),
          explanations: result.explanations.slice(0, 20),
        });
      }),
  );

  server.registerTool(
    "generate",
    { description: "Generate one output: mermaid, terraform, kubernetes or typescript. Small files come with their text.", inputSchema: { designId, target: z.enum(GENERATOR_TARGETS) } },
    async (input) =>
      guarded(async () => {
        const files = await engine.generate((await load(input.designId)).design, input.target);
        return data({ files: files.map((file) => (file.contents.length <= MAX_FILE_TEXT ? { path: file.path, contents: file.contents } : { path: file.path, size: file.contents.length })) });
      }),
  );

  server.registerTool("export", { description: "The starter repository (services, Terraform, Kubernetes, docs) as a zip.", inputSchema: { designId } }, async (input) =>
    guarded(async () => {
      const { design } = await load(input.designId);
      const zip = await engine.exportZip(design);
      return {
        content: [
          { type: "text", text: `Starter repository for "${design.name}": ${zip.byteLength} bytes.` },
          { type: "resource", resource: { uri: `archway://designs/${input.designId}/export.zip`, mimeType: "application/zip", blob: Buffer.from(zip).toString("base64") } },
        ],
      };
    }),
  );

  server.registerResource(
    "design",
    new ResourceTemplate("archway://designs/{designId}", { list: async () => ({ resources: (await store.list()).map((design) => ({ uri: `archway://designs/${design.id}`, name: design.name, mimeType: "application/json" })) }) }),
    { description: "A design document in canonical form.", mimeType: "application/json" },
    async (uri, variables) => {
      const stored = await store.get(String(variables.designId));
      if (!stored) throw new Error(`No design "${String(variables.designId)}"`);
      return { contents: [{ uri: uri.href, mimeType: "application/json", text: canonicalDesignText(stored.design) }] };
    },
  );

  server.registerResource(
    "findings",
    new ResourceTemplate("archway://designs/{designId}/findings", { list: undefined }),
    { description: "The design's findings and scores.", mimeType: "application/json" },
    async (uri, variables) => {
      const stored = await store.get(String(variables.designId));
      if (!stored) throw new Error(`No design "${String(variables.designId)}"`);
      return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(await engine.validate(stored.design), null, 2) }] };
    },
  );

  return server;
}
