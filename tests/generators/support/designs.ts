import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { COMPONENT_KIND_IDS, PROTOCOLS, type ComponentKind } from "@/lib/catalog";
import { canConnectKinds } from "@/lib/catalog/connections";
import { ZONE_DEFINITIONS, ZONE_KINDS, type ZoneKind } from "@/lib/catalog/zones";
import { parseDesign, type Design } from "@/lib/model";

const FIXTURE_FOLDER = new URL("../../fixtures/designs/", import.meta.url);

/** The sample designs of tests/fixtures/designs, parsed, by file name without extension. */
export function fixtureDesigns(): { name: string; design: Design }[] {
  return readdirSync(FIXTURE_FOLDER)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const result = parseDesign(JSON.parse(readFileSync(new URL(file, FIXTURE_FOLDER), "utf8")));
      if (!result.success) throw new Error(`${file} is not a valid design: ${JSON.stringify(result.issues)}`);
      return { name: file.replace(/\.json$/, ""), design: result.design };
    });
}

/** Marker inside every injection attempt: generated code must never contain it outside a string literal. */
export const MARKER = "pwn";

/** Fragments that mean something in HCL, YAML, Mermaid, Handlebars, shells or file paths. */
export const HOSTILE_FRAGMENTS = [
  '"',
  "'",
  "\\",
  "\n",
  "\r\n",
  "\t",
  "${pwn}",
  "$${pwn}",
  "%{ if pwn }x%{ endif }",
  "{{pwn}}",
  "{{{pwn}}}",
  "../../etc/pwn",
  "/abs/pwn",
  '"\npwn = 1\n',
  "#pwn",
  "%%pwn",
  "<script>pwn</script>",
  "`pwn`",
  "#quot;pwn",
  "end",
  "-->pwn",
  "|pwn|",
  "]]pwn[[",
  ";pwn",
  ": pwn",
  "style:pwn#",
  "é",
  "Müller",
  "日本語",
  "😀",
  "\u2028",
  "\u200b",
  "\u0001",
];

/** Display names: hostile fragments mixed with text, up to the 200 characters a name may have. */
export const hostileName: fc.Arbitrary<string> = fc
  .oneof(
    fc.array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }),
    fc.constant("x".repeat(199) + "$"),
    fc.constant("${pwn}".repeat(33)),
  )
  .map((name) => Array.from(name.replace(/\u0000/g, "")).slice(0, 200).join("").slice(0, 200))
  .map((name) => (name.length === 0 ? "pwn" : /[\uD800-\uDBFF]$/.test(name) ? name.slice(0, -1) || "pwn" : name));

/** Ids that are awkward as identifiers: keywords of the target languages, leading digits, doubled hyphens. */
const awkwardId = fc.oneof(
  fc.constantFrom("end", "graph", "subgraph", "style", "class", "default", "allow", "egress", "namespace", "ingress", "network-policies", "components", "var", "data", "count", "main", "1a", "a--b", "a-", "0"),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,62}$/),
);

const region = fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2", "me-central-1");
const hostilePath = fc.oneof(fc.constantFrom("/health", "/ready", "/h; rm -rf /", '/"quoted"', "/${pwn}", "/{{pwn}}"), fc.string({ minLength: 1, maxLength: 40 }));
const routePath = fc.constantFrom("/", "/api/items", "/users/{id}", "/a.b/c_d:e", "/v1/orders");
const pathPrefix = fc.constantFrom(undefined, "/", "/*", "/api/*", "/auth/{proxy+}", "/a.b/c_d", "/x+y/{id}");

/** Settings worth varying per kind; everything else keeps the catalogue's defaults. */
function configFor(kind: ComponentKind): fc.Arbitrary<Record<string, unknown>> {
  switch (kind) {
    case "service":
      return fc.record({
        port: fc.integer({ min: 1024, max: 65535 }),
        replicas: fc.integer({ min: 1, max: 6 }),
        spreadAcrossZones: fc.boolean(),
        autoscaling: fc.record({ enabled: fc.boolean(), minReplicas: fc.integer({ min: 1, max: 5 }), maxReplicas: fc.integer({ min: 1, max: 20 }) }),
        probes: fc.record({ livenessPath: hostilePath, readinessPath: hostilePath }),
        resources: fc.record({ cpuLimit: fc.constantFrom("250m", "1000m", "2", "3.5"), memoryLimit: fc.constantFrom("512Mi", "2Gi", "9Gi", "100Gi") }),
        routes: fc.array(fc.record({ method: fc.constantFrom("GET", "POST"), path: routePath }), { maxLength: 3 }),
      });
    case "worker":
      return fc.record({ replicas: fc.integer({ min: 1, max: 4 }), autoscaling: fc.record({ enabled: fc.boolean() }), probes: fc.record({ livenessPath: hostilePath }) });
    case "database":
      return fc.record({
        engine: fc.constantFrom("postgres", "mysql"),
        engineVersion: fc.constantFrom("15.4", "16", "8.0"),
        multiAz: fc.boolean(),
        readReplicas: fc.integer({ min: 0, max: 2 }),
        backupRetentionDays: fc.integer({ min: 0, max: 35 }),
      });
    case "cache":
      return fc.record({ engine: fc.constantFrom("redis", "memcached"), engineVersion: fc.constantFrom("6.2", "7.0", "7.1"), shards: fc.integer({ min: 1, max: 3 }), replicas: fc.integer({ min: 0, max: 2 }) });
    case "nosql-database":
      return fc.record({ engine: fc.constantFrom("dynamodb", "mongodb", "cassandra") });
    case "queue":
      return fc.record({ engine: fc.constantFrom("sqs", "kafka", "rabbitmq"), deadLetterQueue: fc.boolean() });
    case "load-balancer":
      return fc.record({ scheme: fc.constantFrom("internet-facing", "internal"), tls: fc.boolean(), httpsRedirect: fc.boolean(), listenerPort: fc.constantFrom(443, 80, 8443) });
    case "api-gateway":
      return fc.record({ vpcLink: fc.boolean(), authentication: fc.constantFrom("jwt", "api-key", "oauth2", "none"), cors: fc.boolean() });
    case "reverse-proxy":
      return fc.record({ tls: fc.boolean(), host: fc.constantFrom("api.example.com", "API.Example.COM"), rateLimitPerSecond: fc.constantFrom(0, 100) });
    case "secrets-manager":
      return fc.record({ provider: fc.constantFrom("aws-secrets-manager", "vault") });
    case "dns":
      return fc.record({ routingPolicy: fc.constantFrom("simple", "latency", "geolocation", "failover", "weighted"), healthChecks: fc.boolean() });
    case "cdn":
      return fc.record({ tls: fc.boolean(), httpsRedirect: fc.boolean() });
    case "waf":
      return fc.record({ blockMode: fc.boolean() });
    default:
      return fc.constant({});
  }
}

interface DesignShape {
  kinds: ComponentKind[];
  zoneKinds: ZoneKind[];
}

/**
 * Random valid designs: random kinds, zones nested as the catalogue allows, connections only where
 * canConnectKinds allows them, awkward ids and hostile names everywhere a user can type text.
 */
export function designArbitrary(options: { maxComponents?: number } = {}): fc.Arbitrary<Design> {
  const maxComponents = options.maxComponents ?? 10;
  const shape: fc.Arbitrary<DesignShape> = fc.record({
    kinds: fc.array(fc.constantFrom(...COMPONENT_KIND_IDS), { minLength: 0, maxLength: maxComponents }),
    zoneKinds: fc.array(fc.constantFrom(...ZONE_KINDS), { maxLength: 5 }),
  });
  return shape.chain(({ kinds, zoneKinds }) => {
    const candidatePairs: [number, number][] = [];
    kinds.forEach((source, i) =>
      kinds.forEach((target, j) => {
        if (i !== j && canConnectKinds(source, target).allowed) candidatePairs.push([i, j]);
      }),
    );
    const idCount = kinds.length + zoneKinds.length + candidatePairs.length;
    return fc
      .record({
        ids: fc.uniqueArray(awkwardId, { minLength: idCount, maxLength: idCount }),
        name: hostileName,
        settings: fc.record({ cloudRegion: region, computePlatform: fc.constantFrom("ecs-fargate", "eks") }),
        zoneNames: fc.array(hostileName, { minLength: zoneKinds.length, maxLength: zoneKinds.length }),
        zoneParents: fc.array(fc.nat(), { minLength: zoneKinds.length, maxLength: zoneKinds.length }),
        zoneCodes: fc.array(fc.constantFrom(undefined, "a", "b", "c"), { minLength: zoneKinds.length, maxLength: zoneKinds.length }),
        names: fc.array(hostileName, { minLength: kinds.length, maxLength: kinds.length }),
        placements: fc.array(fc.nat(), { minLength: kinds.length, maxLength: kinds.length }),
        configs: fc.tuple(...kinds.map(configFor)),
        chosen: fc.array(fc.boolean(), { minLength: candidatePairs.length, maxLength: candidatePairs.length }),
        connections: fc.array(
          fc.record({
            protocol: fc.constantFrom(...PROTOCOLS),
            timeoutMs: fc.constantFrom(undefined, 500, 29_000, 55_000, 120_000),
            tls: fc.boolean(),
            pathPrefix,
            label: fc.option(hostileName, { nil: undefined }),
          }),
          { minLength: candidatePairs.length, maxLength: candidatePairs.length },
        ),
      })
      .map((draw) => {
        const ids = [...draw.ids];
        const zones: Record<string, unknown>[] = [];
        zoneKinds.forEach((kind, index) => {
          const parents = zones.filter((zone) => ZONE_DEFINITIONS[kind].allowedParents.includes(zone.kind as ZoneKind));
          const mustNest = !ZONE_DEFINITIONS[kind].topLevel;
          if (mustNest && parents.length === 0) return;
          const pick = draw.zoneParents[index] % (parents.length + (mustNest ? 0 : 1));
          const parent = pick < parents.length ? parents[pick] : undefined;
          const code = draw.zoneCodes[index];
          zones.push({
            id: ids.pop(),
            kind,
            name: draw.zoneNames[index],
            ...(parent ? { parentId: parent.id } : {}),
            ...(kind === "availability-zone" && code ? { code: `${draw.settings.cloudRegion}${code}` } : {}),
            ...(kind === "vpc" ? { cidr: "10.20.0.0/16" } : {}),
            position: { x: 0, y: 0 },
            size: { width: 400, height: 300 },
          });
        });
        const components = kinds.map((kind, index) => {
          const zone = zones.length > 0 ? zones[draw.placements[index] % (zones.length + 1)] : undefined;
          return {
            id: ids.pop() as string,
            kind,
            name: draw.names[index],
            ...(zone ? { zoneId: zone.id } : {}),
            position: { x: index * 10, y: 0 },
            config: draw.configs[index],
          };
        });
        const connections = candidatePairs.flatMap(([source, target], index) =>
          draw.chosen[index]
            ? [
                {
                  id: ids.pop() as string,
                  source: components[source].id,
                  target: components[target].id,
                  ...draw.connections[index],
                  ...(draw.connections[index].protocol === "async" ? { timeoutMs: undefined } : {}),
                },
              ]
            : [],
        );
        const result = parseDesign(JSON.parse(JSON.stringify({ schemaVersion: 1, name: draw.name, settings: draw.settings, zones, components, connections })));
        if (!result.success) throw new Error(`The design arbitrary built an invalid design: ${JSON.stringify(result.issues.slice(0, 3))}`);
        return result.design;
      });
  });
}
