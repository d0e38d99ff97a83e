import { COMPONENT_KINDS, type ComponentKind, type Protocol } from "../../catalog";
import { ZONE_DEFINITIONS, ZONE_KINDS, type ZoneKind } from "../../catalog/zones";
import { DesignDraft, type DraftConnection } from "../support/draft";
import { ImportError, type Importer, type ImportOptions, type ImportResult, type SourceFile } from "../types";
import { readFlowchart, type NodeRef } from "./syntax";

/**
 * Mermaid flowcharts, hand-written or Archway's own export: nodes become components, subgraphs zones, edges
 * connections. Archway's export names each node's kind in its label ("Orders API<br/>(Service)") and each zone's
 * kind, code and CIDR, so it reads back exactly; other diagrams are read by shape and by the words in labels
 * (a cylinder named "Redis" is a cache, "ALB" a load balancer), and services otherwise.
 */

/** Mermaid's entity escapes (`#34;`, `#quot;`) and line breaks back to text. */
function unescapeLabel(label: string): string {
  const named: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", nbsp: " " };
  return label
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/#([a-z]+);/g, (match, name: string) => named[name] ?? match);
}

const KIND_BY_LABEL = new Map<string, ComponentKind>(COMPONENT_KINDS.map((definition) => [definition.label.toLowerCase(), definition.kind]));
const ZONE_BY_LABEL = new Map<string, ZoneKind>(ZONE_KINDS.map((kind) => [ZONE_DEFINITIONS[kind].label.toLowerCase(), kind]));

/** Words in a label that name a kind, checked in this order (a "Redis queue" is a queue's job done by a cache: the first match wins). */
const KIND_WORDS: readonly [RegExp, ComponentKind][] = [
  [/\b(users?|clients?|browsers?|mobile( app)?|customers?)\b/i, "client"],
  [/\b(dns|route ?53)\b/i, "dns"],
  [/\b(cdn|cloudfront|edge cache)\b/i, "cdn"],
  [/\bwaf\b|firewall/i, "waf"],
  [/rate.?limit/i, "rate-limiter"],
  [/\b(load.?balancer|alb|nlb|elb|lb)\b/i, "load-balancer"],
  [/\b(api.?gateway|gateway)\b/i, "api-gateway"],
  [/\b(nginx|envoy|traefik|haproxy|reverse.?proxy|proxy|ingress)\b/i, "reverse-proxy"],
  [/\b(redis|memcached|elasticache|valkey|cache)\b/i, "cache"],
  [/\b(s3|bucket|blob|object.?storage|storage)\b/i, "object-storage"],
  [/\b(mongo(db)?|dynamo(db)?|cassandra|nosql|document store)\b/i, "nosql-database"],
  [/\b(db|database|postgres(ql)?|mysql|mariadb|rds|aurora|sql)\b/i, "database"],
  [/\b(queue|sqs|sns|kafka|rabbitmq|kinesis|topic|stream|bus)\b/i, "queue"],
  [/\b(worker|consumer|job|cron|processor)\b/i, "worker"],
  [/\b(vault|secrets?)\b/i, "secrets-manager"],
  [/\b(monitoring|observability|prometheus|grafana|cloudwatch|datadog|logs?|metrics|tracing)\b/i, "observability"],
];

/** What a shape says when the label says nothing. */
const SHAPE_KINDS: Record<string, ComponentKind> = { "([": "client", "[(": "database", ">": "queue", "(": "worker", "(((": "observability" };

const ZONE_WORDS: readonly [RegExp, ZoneKind][] = [
  [/\bprivate\b.*\bsubnet\b|\bsubnet\b.*\bprivate\b/i, "private-subnet"],
  [/\bpublic\b.*\bsubnet\b|\bsubnet\b.*\bpublic\b/i, "public-subnet"],
  [/\b(az|availability.?zone|[a-z]{2}-[a-z]+-\d[a-z])\b/i, "availability-zone"],
  [/\bvpc\b/i, "vpc"],
  [/\b(namespace|ns)\b/i, "k8s-namespace"],
  [/\bregion\b|^[a-z]{2}-[a-z]+-\d$/i, "region"],
];

interface ReadNode {
  name: string;
  kind: ComponentKind;
}

/** "Orders API\n(Service)" → name and kind from Archway's export; otherwise words, then shape, then service. */
function readComponent(node: NodeRef): ReadNode {
  const text = unescapeLabel(node.label ?? node.id).trim();
  const exported = /^([\s\S]*)\n\(([^()\n]+)\)$/.exec(text);
  const exportedKind = exported ? KIND_BY_LABEL.get(exported[2].toLowerCase()) : undefined;
  if (exported && exportedKind) return { name: exported[1], kind: exportedKind };
  const name = text.replace(/\n/g, " ");
  const byWords = KIND_WORDS.find(([pattern]) => pattern.test(name))?.[1];
  return { name, kind: byWords ?? (node.shape ? SHAPE_KINDS[node.shape] : undefined) ?? "service" };
}

interface ReadZone {
  name: string;
  kind: ZoneKind;
  code?: string;
  cidr?: string;
}

/** "Main VPC (VPC 10.0.0.0/16)" from Archway's export, or a kind guessed from the words; undefined when none fits. */
function readZone(label: string): ReadZone | undefined {
  const text = unescapeLabel(label).trim();
  const exported = /^([\s\S]*) \(([^()]+)\)$/.exec(text);
  if (exported) {
    const details = exported[2];
    for (const [zoneLabel, kind] of ZONE_BY_LABEL) {
      if (!details.toLowerCase().startsWith(zoneLabel)) continue;
      const rest = details.slice(zoneLabel.length).trim().split(/\s+/).filter((part) => part.length > 0);
      const cidr = rest.find((part) => /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(part));
      const code = rest.find((part) => part !== cidr && /^[a-z0-9-]{1,30}$/.test(part));
      return { name: exported[1], kind, ...(code ? { code } : {}), ...(cidr ? { cidr } : {}) };
    }
  }
  const kind = ZONE_WORDS.find(([pattern]) => pattern.test(text))?.[1];
  return kind ? { name: text.replace(/\n/g, " "), kind } : undefined;
}

/** "HTTPS, 55 s, /api/*, orders": protocol and TLS, timeout, route and label as Archway's export writes them. */
function readEdgeLabel(label: string | undefined, dotted: boolean): Partial<DraftConnection> {
  if (label === undefined) return dotted ? { protocol: "async" } : {};
  const parts = unescapeLabel(label.replace(/^"|"$/g, "")).split(",").map((part) => part.trim());
  const protocols: Record<string, [Protocol, boolean]> = {
    http: ["http", false],
    https: ["http", true],
    grpc: ["grpc", false],
    "grpc tls": ["grpc", true],
    tcp: ["tcp", false],
    "tcp tls": ["tcp", true],
    async: ["async", true],
  };
  const read: Partial<DraftConnection> = dotted ? { protocol: "async" } : {};
  const rest: string[] = [];
  for (const part of parts) {
    const protocol = protocols[part.toLowerCase()];
    const seconds = /^(\d+(?:\.\d+)?) s$/.exec(part);
    if (protocol && read.tls === undefined) [read.protocol, read.tls] = protocol;
    else if (seconds) read.timeoutMs = Math.round(Number(seconds[1]) * 1000);
    else if (/^\/[A-Za-z0-9/_{}+*.-]*$/.test(part) && read.pathPrefix === undefined) read.pathPrefix = part;
    else if (part.length > 0) rest.push(part);
  }
  return { ...read, ...(rest.length > 0 ? { label: rest.join(", ") } : {}) };
}

function readMermaid(files: readonly SourceFile[], options: ImportOptions): ImportResult {
  const file = files.find((candidate) => /^\s*(flowchart|graph)\b/m.test(candidate.text));
  if (!file) throw new ImportError("No Mermaid flowchart in these files", files.slice(0, 20).map((candidate) => ({ file: candidate.path, message: "No flowchart or graph header" })));
  const draft = new DesignDraft(options.name ?? "Imported diagram");
  for (const other of files.filter((candidate) => candidate !== file)) {
    draft.unmapped({ file: other.path, item: other.path, reason: `One flowchart is read per import; this one read ${file.path}` });
  }
  const zoneStack: (string | undefined)[] = [];
  const zoneKinds = new Map<string, ZoneKind>();
  const placed = new Map<string, string | undefined>();
  const nodes = new Map<string, NodeRef>();
  const currentZone = () => zoneStack.findLast((zone) => zone !== undefined);
  const noteNode = (node: NodeRef) => {
    const known = nodes.get(node.id);
    if (!known || (known.label === undefined && node.label !== undefined)) nodes.set(node.id, node);
    if (!placed.has(node.id)) placed.set(node.id, currentZone());
  };
  const edges: { line: number; source: string; target: string; link: Partial<DraftConnection> }[] = [];
  let styling = 0;
  for (const statement of readFlowchart(file.text)) {
    switch (statement.kind) {
      case "header":
        break;
      case "styling":
        styling += 1;
        break;
      case "subgraph": {
        const zone = readZone(statement.label);
        const parent = currentZone();
        const parentKind = parent === undefined ? undefined : zoneKinds.get(parent);
        const fits = zone !== undefined && (parentKind === undefined ? true : ZONE_DEFINITIONS[zone.kind].allowedParents.includes(parentKind));
        if (zone && fits) {
          draft.addZone({ key: statement.id, kind: zone.kind, name: zone.name, ...(parent ? { parentKey: parent } : {}), ...(zone.code ? { code: zone.code } : {}), ...(zone.cidr ? { cidr: zone.cidr } : {}) });
          zoneKinds.set(statement.id, zone.kind);
          zoneStack.push(statement.id);
        } else {
          const reason = zone ? `A ${ZONE_DEFINITIONS[zone.kind].label.toLowerCase()} cannot sit in a ${ZONE_DEFINITIONS[parentKind!].label.toLowerCase()}; its nodes are kept outside it` : "Not a region, VPC, availability zone, subnet or namespace; its nodes are kept outside it";
          draft.unmapped({ file: file.path, line: statement.line, item: `subgraph ${unescapeLabel(statement.label)}`, reason });
          zoneStack.push(undefined);
        }
        break;
      }
      case "end":
        zoneStack.pop();
        break;
      case "nodes":
        // As in Mermaid, naming a node inside a subgraph puts it there, wherever it was first used.
        statement.nodes.forEach((node) => {
          noteNode(node);
          if (currentZone() !== undefined) placed.set(node.id, currentZone());
        });
        break;
      case "edge":
        statement.groups.flat().forEach(noteNode);
        statement.links.forEach((link, index) => {
          for (const source of statement.groups[index]) {
            for (const target of statement.groups[index + 1]) edges.push({ line: statement.line, source: source.id, target: target.id, link: readEdgeLabel(link.label, link.dotted) });
          }
        });
        break;
      case "unknown":
        draft.unmapped({ file: file.path, line: statement.line, item: statement.text.slice(0, 120), reason: "Not a flowchart statement Archway reads" });
        break;
    }
  }
  if (styling > 0) draft.unmapped({ file: file.path, item: `${styling} styling line${styling === 1 ? "" : "s"} (classDef, class, style, click)`, reason: "Colours and links are not part of a design" });
  for (const [id, node] of nodes) {
    const { name, kind } = readComponent(node);
    const zoneKey = placed.get(id);
    draft.addComponent({ key: id, kind, name, ...(zoneKey ? { zoneKey } : {}) });
  }
  for (const edge of edges) draft.connect({ sourceKey: edge.source, targetKey: edge.target, ...edge.link });
  return { format: "mermaid", ...draft.build() };
}

export const mermaidImporter: Importer = {
  format: "mermaid",
  label: "Mermaid flowchart",
  detect: (files) => files.some((file) => /\.(mmd|mermaid)$/i.test(file.path) || /^\s*(flowchart|graph)\s+(LR|RL|TB|TD|BT)\b/m.test(file.text.slice(0, 4096))),
  read: readMermaid,
};
