import type { ComponentKind } from "../../catalog";
import { DesignDraft } from "../support/draft";
import { kindFromImage, kindOfOwnCode } from "../support/image-kinds";
import { hostsNamedIn } from "../support/references";
import { readYamlDocuments, type YamlDocument } from "../support/yaml-source";
import { ImportError, type Importer, type ImportOptions, type ImportResult, type SourceFile } from "../types";

/**
 * docker-compose (the Compose specification): each service becomes a component whose kind comes from its image
 * (a database, a cache, a broker, a proxy) or, for the team's own code, from whether it answers requests; its
 * connections from `depends_on`, `links` and environment values that name another service (a URL's host,
 * `host:port`, or the bare name). A published port makes a service an entry that users call.
 */

const COMPOSE_FILE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/i;
/** Service settings the import reads; every other one is listed as not mapped. */
const MAPPED_SERVICE_KEYS = new Set(["image", "build", "ports", "expose", "depends_on", "links", "environment", "deploy", "healthcheck"]);
const KNOWN_TOP_KEYS = new Set(["services", "version", "name"]);

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function composeDocument(file: SourceFile): YamlDocument | undefined {
  const [first] = readYamlDocuments(file.path, file.text);
  return first && isPlain(first.value) && isPlain(first.value.services) ? first : undefined;
}

/** depends_on as a list or a map of conditions; links as `service` or `service:alias`. */
function namedServices(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string").map((item) => item.split(":")[0]);
  return isPlain(value) ? Object.keys(value) : [];
}

/** Environment as a list of KEY=VALUE or a map; values as text. */
function environmentValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string").map((item) => item.slice(item.indexOf("=") + 1));
  if (isPlain(value)) return Object.values(value).filter((item) => item !== null && item !== undefined).map(String);
  return [];
}

/** The port a service listens on: the container side of its first published or exposed port. */
function listeningPort(service: Plain): number | undefined {
  const first = [...(Array.isArray(service.ports) ? service.ports : []), ...(Array.isArray(service.expose) ? service.expose : [])][0];
  const text = isPlain(first) ? String(first.target ?? "") : String(first ?? "");
  const port = Number(text.split("/")[0].split(":").at(-1));
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

/** The HTTP path a healthcheck calls (`curl -f http://localhost:8080/healthz`), when it calls one. */
function healthPath(service: Plain): string | undefined {
  const check = isPlain(service.healthcheck) ? service.healthcheck.test : undefined;
  const text = Array.isArray(check) ? check.join(" ") : typeof check === "string" ? check : "";
  const match = /https?:\/\/[^/\s"']+(\/[^\s"']*)/.exec(text);
  return match?.[1];
}

function kindOf(name: string, service: Plain): ComponentKind {
  const image = typeof service.image === "string" ? service.image : undefined;
  return (image === undefined ? undefined : kindFromImage(image)?.kind) ?? kindOfOwnCode(name, listeningPort(service) !== undefined);
}

function settingsFor(kind: ComponentKind, service: Plain): Record<string, unknown> {
  const replicas = isPlain(service.deploy) && typeof service.deploy.replicas === "number" ? service.deploy.replicas : undefined;
  const port = listeningPort(service);
  const path = healthPath(service);
  if (kind === "service") return { ...(replicas ? { replicas, autoscaling: { enabled: false } } : {}), ...(port ? { port } : {}), ...(path ? { probes: { livenessPath: path, readinessPath: path } } : {}) };
  if (kind === "worker") return replicas ? { replicas, autoscaling: { enabled: false } } : {};
  return {};
}

function readCompose(files: readonly SourceFile[], options: ImportOptions): ImportResult {
  const sources = files.map((file) => ({ file, document: composeDocument(file) })).filter((source) => source.document !== undefined);
  if (sources.length === 0) throw new ImportError("No Compose file with a services section", files.slice(0, 20).map((file) => ({ file: file.path, message: "No services" })));
  // The Compose project's own name (its top-level `name`), else the folder the file sits in.
  const projectName = sources.map(({ document }) => (document!.value as Plain).name).find((name): name is string => typeof name === "string" && name.trim().length > 0);
  const folder = sources[0].file.path.split("/").slice(-2, -1)[0];
  const draft = new DesignDraft(options.name ?? projectName ?? folder ?? "Imported Compose app");
  const services = new Map<string, { file: string; service: Plain; kind: ComponentKind; document: YamlDocument }>();
  for (const { file, document } of sources) {
    const root = document!.value as Plain;
    for (const key of Object.keys(root).filter((key) => !KNOWN_TOP_KEYS.has(key))) {
      draft.unmapped({ file: file.path, line: document!.lineOf([key]), item: key, reason: key === "volumes" || key === "networks" ? `Compose ${key} have no counterpart in a design` : "Not part of the Compose services Archway maps" });
    }
    for (const [name, body] of Object.entries(root.services as Plain)) {
      const service = isPlain(body) ? body : {};
      const kind = kindOf(name, service);
      services.set(name, { file: file.path, service, kind, document: document! });
      draft.addComponent({ key: name, kind, name, config: settingsFor(kind, service) });
      const unread = Object.keys(service).filter((key) => !MAPPED_SERVICE_KEYS.has(key));
      if (unread.length > 0) {
        draft.unmapped({ file: file.path, line: document!.lineOf(["services", name, unread[0]]), item: `services.${name}: ${unread.join(", ")}`, reason: "Settings a design does not model" });
      }
    }
  }
  const entries: string[] = [];
  for (const [name, { service, kind }] of services) {
    const targets = new Set([...namedServices(service.depends_on), ...namedServices(service.links), ...environmentValues(service.environment).flatMap((value) => hostsNamedIn(value))]);
    for (const target of targets) if (services.has(target)) draft.connect({ sourceKey: name, targetKey: target });
    const published = Array.isArray(service.ports) && service.ports.length > 0;
    if (published && (kind === "service" || kind === "reverse-proxy")) entries.push(name);
  }
  const proxies = entries.filter((name) => services.get(name)?.kind === "reverse-proxy");
  const entryTargets = proxies.length > 0 ? proxies : entries;
  if (entryTargets.length > 0) {
    draft.addComponent({ key: "\u0000users", kind: "client", name: "Users" });
    for (const target of entryTargets) draft.connect({ sourceKey: "\u0000users", targetKey: target });
  }
  return { format: "compose", ...draft.build() };
}

export const composeImporter: Importer = {
  format: "compose",
  label: "docker-compose",
  detect: (files) => files.some((file) => COMPOSE_FILE.test(file.path) || /^services:\s*$/m.test(file.text.slice(0, 4096))),
  read: readCompose,
};
