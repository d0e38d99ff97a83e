import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { canConnectKinds } from "../catalog/connections";
import { COMPONENT_SIZE, zoneIndex, zoneOrigin, zoneRect, type Rect } from "../designer/geometry";
import { CODE_GENERATORS, generate, generateAll } from "../generators";
import { SEED_DOCUMENTS, parseDesign, type Component, type ComponentOf, type Design, type SeedDocument } from "../model";
import { ruleById } from "../rules";
import { runRules } from "../rules/run-rules";
import { TEMPLATES, findTemplate, templateSummaries, type Template } from "./index";
import { designThumbnail, escapeXml } from "./thumbnail";

const here = fileURLToPath(new URL(".", import.meta.url));
/** Modules in lib/templates/ that are not templates themselves. */
const NOT_TEMPLATES = new Set(["index.ts", "thumbnail.ts"]);

function seedText(doc: SeedDocument): string {
  return readFileSync(new URL(`../../docs/seeds/${SEED_DOCUMENTS[doc]}`, import.meta.url), "utf8");
}

function template(id: string): Template {
  const found = findTemplate(id);
  if (!found) throw new Error(`No template "${id}"`);
  return found;
}

function component<K extends Component["kind"]>(design: Design, id: string, kind: K): ComponentOf<K> {
  const found = design.components.find((candidate) => candidate.id === id);
  if (!found || found.kind !== kind) throw new Error(`No ${kind} "${id}" in ${design.name}`);
  return found as ComponentOf<K>;
}

function connection(design: Design, source: string, target: string) {
  const found = design.connections.find((candidate) => candidate.source === source && candidate.target === target);
  if (!found) throw new Error(`No connection ${source} → ${target} in ${design.name}`);
  return found;
}

function componentRect(design: Design, item: Component): Rect {
  const origin = zoneOrigin(zoneIndex(design), item.zoneId);
  return { x: origin.x + item.position.x, y: origin.y + item.position.y, ...COMPONENT_SIZE };
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe("template registry", () => {
  it("has one template per file, registered under the file name, sorted by id", async () => {
    const files = readdirSync(here).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !NOT_TEMPLATES.has(file));
    const ids = files.map((file) => file.replace(/\.ts$/, "")).sort();
    expect(TEMPLATES.map((entry) => entry.id), "lib/templates/index.ts must list every template file, sorted by id").toEqual(ids);
    for (const file of files) {
      const exported = Object.values(await import(/* @vite-ignore */ pathToFileURL(join(here, file)).href)) as Template[];
      expect(exported, `${file} exports exactly its template`).toEqual([findTemplate(file.replace(/\.ts$/, ""))]);
    }
  });

  it("has unique ids, at least five seed templates and five classics", () => {
    expect(new Set(TEMPLATES.map((entry) => entry.id)).size).toBe(TEMPLATES.length);
    const docs = TEMPLATES.flatMap((entry) => (entry.source.doc ? [entry.source.doc] : [])).sort();
    expect(docs).toEqual(["000", "001", "002", "003", "004"]);
    expect(TEMPLATES.filter((entry) => !entry.source.doc).length).toBeGreaterThanOrEqual(5);
  });

  it("summarises templates without their designs, naming each open finding by its rule's title", () => {
    expect(templateSummaries()).toEqual(
      TEMPLATES.map((entry) => ({
        id: entry.id,
        title: entry.title,
        description: entry.description,
        source: entry.source,
        componentCount: entry.design.components.length,
        connectionCount: entry.design.connections.length,
        openFindings: entry.openFindings.map((ruleId) => ({ ruleId, title: ruleById(ruleId)?.title })),
      })),
    );
    expect(templateSummaries().find((summary) => summary.id === "api-gateway-ecs")?.openFindings.map((finding) => finding.title)).toContain(
      "Internet traffic passes a WAF before the load balancer or gateway",
    );
    expect(findTemplate("no-such-template")).toBeUndefined();
  });
});

describe.each(TEMPLATES.map((entry) => [entry.id, entry] as const))("template %s", (_id, entry) => {
  it("parses with parseDesign and survives a JSON round trip unchanged", () => {
    const parsed = parseDesign(JSON.parse(JSON.stringify(entry.design)));
    expect(parsed.success ? [] : parsed.issues).toEqual([]);
    if (parsed.success) expect(parsed.design).toEqual(entry.design);
  });

  it("has a title, a description and a source label", () => {
    expect(entry.title.length).toBeGreaterThan(0);
    expect(entry.description.length).toBeGreaterThan(100);
    expect(entry.source.label.length).toBeGreaterThan(0);
  });

  it("quotes seed sections that appear verbatim in the seed documents", () => {
    for (const [, doc, section] of entry.description.matchAll(/\b(00[0-4]) "([^"]+)"/g)) {
      expect(seedText(doc as SeedDocument), `${entry.id} cites "${section}" which is not in seed ${doc}`).toContain(section);
    }
  });

  it("only draws connections the catalogue allows", () => {
    const kinds = new Map(entry.design.components.map((item) => [item.id, item.kind]));
    for (const link of entry.design.connections) {
      const verdict = canConnectKinds(kinds.get(link.source)!, kinds.get(link.target)!);
      expect(verdict.allowed ? "" : verdict.reason, link.id).toBe("");
    }
  });

  it("is laid out readably: zones hold their children and nothing overlaps", () => {
    const { design } = entry;
    const zones = zoneIndex(design);
    const rects = new Map(design.zones.map((zone) => [zone.id, zoneRect(zones, zone)]));
    for (const zone of design.zones) {
      if (zone.parentId) expect(inside(rects.get(zone.id)!, rects.get(zone.parentId)!), `${zone.id} inside ${zone.parentId}`).toBe(true);
      const siblings = design.zones.filter((other) => other.id < zone.id && other.parentId === zone.parentId);
      for (const sibling of siblings) expect(overlap(rects.get(zone.id)!, rects.get(sibling.id)!), `${zone.id} overlaps ${sibling.id}`).toBe(false);
    }
    const cards = design.components.map((item) => ({ item, rect: componentRect(design, item) }));
    for (const [index, { item, rect }] of cards.entries()) {
      const enclosing = new Set<string>();
      for (let zoneId = item.zoneId; zoneId !== undefined; zoneId = zones.get(zoneId)?.parentId) enclosing.add(zoneId);
      for (const zone of design.zones) {
        const rectOfZone = rects.get(zone.id)!;
        if (enclosing.has(zone.id)) expect(inside(rect, rectOfZone), `${item.id} inside ${zone.id}`).toBe(true);
        else expect(overlap(rect, rectOfZone), `${item.id} lies on ${zone.id} without being in it`).toBe(false);
      }
      for (const other of cards.slice(index + 1)) expect(overlap(rect, other.rect), `${item.id} overlaps ${other.item.id}`).toBe(false);
    }
  });

  it("has no error findings except those its description leaves open, and each of those fires", () => {
    const { findings } = runRules(entry.design);
    const unexplained = findings.filter((finding) => finding.severity === "error" && !entry.openFindings.includes(finding.ruleId));
    expect(unexplained.map((finding) => `${finding.id}: ${finding.message}`)).toEqual([]);
    const fired = new Set(findings.map((finding) => finding.ruleId));
    expect(entry.openFindings.filter((ruleId) => !fired.has(ruleId)), "listed as open but no longer found").toEqual([]);
    for (const ruleId of entry.openFindings) expect(ruleById(ruleId), `unknown rule ${ruleId}`).toBeDefined();
    expect([...entry.openFindings].sort(), "openFindings is sorted and unique").toEqual([...new Set(entry.openFindings)]);
  });

  it("leaves nothing open unless a source document is reproduced", () => {
    if (!entry.source.doc) expect(entry.openFindings).toEqual([]);
  });

  it("generates output for every code target, and a picture", () => {
    const files = generateAll(entry.design);
    for (const generator of CODE_GENERATORS) {
      expect(files.some((file) => file.path.startsWith(`${generator.target}/`)), generator.target).toBe(true);
    }
    expect(generate(entry.design, "svg")[0].contents).toContain("<svg");
  });

  it("draws a thumbnail with every zone and component, the same every time", () => {
    const svg = designThumbnail(entry.design);
    expect(svg).toBe(designThumbnail(entry.design));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)?.length).toBe(1 + entry.design.zones.length + entry.design.components.length);
    expect(svg).toContain(`<title>${escapeXml(entry.design.name)}</title>`);
  });
});

describe("thumbnail", () => {
  it("escapes text placed in markup", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;Tom &#38; Jerry&#39;s&#60;/a&#62;");
  });
});

describe("000: complete HTTPS request journey", () => {
  const { design } = template("https-request-journey");

  it("follows the request from the browser through every layer to the services", () => {
    const chain = ["browser", "route-53", "cloudfront", "aws-waf", "load-balancer", "reverse-proxy", "api-gateway", "ingress"];
    const timeouts = chain.slice(1).map((target, index) => connection(design, chain[index], target).timeoutMs);
    expect(timeouts, "5 s less per hop; the WAF adds no wait of its own").toEqual([60_000, 55_000, 50_000, 50_000, 45_000, 40_000, 35_000]);
    for (const id of ["user-service", "order-service", "payment-service"]) {
      expect(component(design, id, "service").config.replicas).toBe(2);
      const hop = connection(design, "ingress", id);
      expect(hop.tls && hop.circuitBreaker.enabled && hop.retry.enabled).toBe(true);
      connection(design, id, "rds-postgres");
      connection(design, id, "elasticache-redis");
      connection(design, id, "observability");
    }
  });

  it("has the data layer and the zones of the journey", () => {
    expect(component(design, "rds-postgres", "database").config.readReplicas).toBeGreaterThan(0);
    component(design, "elasticache-redis", "cache");
    component(design, "s3", "object-storage");
    expect(design.zones.map((zone) => zone.kind).sort()).toEqual(["k8s-namespace", "private-subnet", "private-subnet", "public-subnet", "vpc"]);
  });
});

describe("001: FastAPI and PostgreSQL on Kubernetes", () => {
  const { design } = template("fastapi-postgres-kubernetes");

  it("routes the nginx ingress with cert-manager TLS to two FastAPI replicas on port 8000", () => {
    const ingress = component(design, "nginx-ingress", "reverse-proxy");
    expect(ingress.config).toMatchObject({ ingressClass: "nginx", tls: true, certManagerIssuer: "letsencrypt-prod", rateLimitPerSecond: 100, host: "api.example.com" });
    const fastapi = component(design, "fastapi", "service");
    expect(fastapi.config).toMatchObject({ port: 8000, replicas: 2 });
    expect(fastapi.config.probes.livenessPath).toBe("/health");
    expect(connection(design, "nginx-ingress", "fastapi").pathPrefix).toBe("/");
  });

  it("keeps PostgreSQL a single StatefulSet pod reached over TLS, in namespaces that mirror the NetworkPolicies", () => {
    const postgres = component(design, "postgres", "database");
    expect(postgres.config).toMatchObject({ engine: "postgres", port: 5432, multiAz: false });
    expect(connection(design, "fastapi", "postgres").tls).toBe(true);
    expect(design.zones.every((zone) => zone.kind === "k8s-namespace")).toBe(true);
    expect(component(design, "fastapi", "service").zoneId).toBe(postgres.zoneId);
    expect(component(design, "nginx-ingress", "reverse-proxy").zoneId).not.toBe(postgres.zoneId);
  });
});

describe("002: large-scale distributed system", () => {
  const { design } = template("distributed-system");

  it("uses the timeouts of 002 \"Timeout Configuration\": 60 s, 55 s, 50 s, 45 s", () => {
    for (const client of ["web-browser", "mobile-app", "desktop-app"]) expect(connection(design, client, "dns").timeoutMs).toBe(60_000);
    for (const service of ["user-service", "product-service", "order-service", "payment-service"]) {
      expect(connection(design, "api-gateway", service).timeoutMs).toBe(55_000);
    }
    const inventory = connection(design, "order-service", "product-service");
    expect(inventory).toMatchObject({ protocol: "grpc", timeoutMs: 50_000 });
    expect(inventory.circuitBreaker).toEqual({ enabled: true, failureThresholdPercent: 50, openSeconds: 60, halfOpenRequests: 3 });
    expect(inventory.retry).toMatchObject({ enabled: true, backoff: "exponential", jitter: true, maxRetries: 3 });
    expect(connection(design, "product-service", "primary-db").timeoutMs).toBe(45_000);
  });

  it("has the edge, data and async layers of the diagram", () => {
    expect(component(design, "rate-limiter", "rate-limiter").config).toMatchObject({ perUserPerMinute: 100, perIpPerMinute: 1000 });
    expect(component(design, "load-balancer", "load-balancer").config.healthCheck).toMatchObject({ intervalSeconds: 10, unhealthyThreshold: 2, healthyThreshold: 3 });
    expect(component(design, "redis", "cache").config.engine).toBe("redis");
    expect(component(design, "memcached", "cache").config.engine).toBe("memcached");
    expect(component(design, "primary-db", "database").config.readReplicas).toBeGreaterThan(0);
    expect(component(design, "nosql", "nosql-database").config.shards).toBe(3);
    expect(component(design, "message-queue", "queue").config).toMatchObject({ deadLetterQueue: true, maxReceiveCount: 3 });
    const workers = design.components.filter((item) => item.kind === "worker");
    expect(workers).toHaveLength(4);
    for (const worker of workers) connection(design, "message-queue", worker.id);
    component(design, "secrets", "secrets-manager");
    component(design, "observability", "observability");
  });
});

describe("003: full-stack application on EKS", () => {
  const { design } = template("eks-full-stack");

  it("runs on EKS behind Route 53 and an ALB with the health check 30/5/2/3", () => {
    expect(design.settings.computePlatform).toBe("eks");
    connection(design, "users", "route-53");
    connection(design, "route-53", "alb");
    const alb = component(design, "alb", "load-balancer");
    expect(alb.config).toMatchObject({ scheme: "internet-facing", listenerPort: 443, tls: true, httpsRedirect: true });
    expect(alb.config.healthCheck).toMatchObject({ intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 });
  });

  it("routes /api/* to the backend on 8080 and /* to the frontend on 80, both with HPA", () => {
    expect(connection(design, "ingress", "backend").pathPrefix).toBe("/api/*");
    expect(connection(design, "ingress", "frontend").pathPrefix).toBe("/*");
    const backend = component(design, "backend", "service");
    expect(backend.config.port).toBe(8080);
    expect(backend.config.autoscaling).toEqual({ enabled: true, minReplicas: 2, maxReplicas: 10, cpuTargetPercent: 70, memoryTargetPercent: 80 });
    const frontend = component(design, "frontend", "service");
    expect(frontend.config.port).toBe(80);
    expect(frontend.config.autoscaling).toMatchObject({ minReplicas: 2, maxReplicas: 8, cpuTargetPercent: 60 });
  });

  it("keeps data in RDS Multi-AZ and ElastiCache and watches it with Prometheus, Jaeger and CloudWatch", () => {
    expect(component(design, "rds-postgres", "database").config).toMatchObject({ engineVersion: "15.4", multiAz: true, backupRetentionDays: 7 });
    expect(component(design, "rds-postgres", "database").config.pool).toMatchObject({ maxConnections: 10, minIdle: 2, connectionTimeoutMs: 30_000 });
    expect(component(design, "elasticache-redis", "cache").config).toMatchObject({ engine: "redis", engineVersion: "7.0", shards: 3, replicas: 1, ttlSeconds: 300 });
    expect(component(design, "prometheus", "observability").config.metrics).toBe(true);
    expect(component(design, "jaeger", "observability").config.traces).toBe(true);
    expect(component(design, "cloudwatch", "observability").config.logs).toBe(true);
  });
});

describe("004: API Gateway with a VPC link to six services", () => {
  const { design } = template("api-gateway-ecs");
  const ports = { api1: 80, auth: 3000, profile: 3001, messenger: 3002, finance: 8080, share: 3004 };

  it("routes each path prefix through the VPC link to its own internal ALB and ECS service", () => {
    expect(design.settings.computePlatform).toBe("ecs-fargate");
    expect(component(design, "api-gateway", "api-gateway").config).toMatchObject({ vpcLink: true, throttleRatePerSecond: 10_000, throttleBurst: 5000, cors: true });
    const services = design.components.filter((item) => item.kind === "service").map((item) => item.id).sort();
    expect(services).toEqual(Object.keys(ports).sort());
    for (const [id, port] of Object.entries(ports)) {
      expect(connection(design, "api-gateway", `${id}-alb`).pathPrefix).toBe(`/${id}/{proxy+}`);
      expect(component(design, `${id}-alb`, "load-balancer").config).toMatchObject({ scheme: "internal", listenerPort: 80 });
      connection(design, `${id}-alb`, id);
      const service = component(design, id, "service");
      expect(service.config.port).toBe(port);
      expect(service.config.autoscaling).toMatchObject({ enabled: true, minReplicas: 2, maxReplicas: 10, cpuTargetPercent: 70, memoryTargetPercent: 70 });
    }
  });

  it("places the services in the private subnets of the 10.0.0.0/16 VPC", () => {
    expect(design.zones.find((zone) => zone.kind === "vpc")?.cidr).toBe("10.0.0.0/16");
    for (const id of Object.keys(ports)) expect(component(design, id, "service").zoneId).toBe("private-subnets");
  });
});
