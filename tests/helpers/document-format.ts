import { createHash } from "node:crypto";
import { z } from "zod";
import { COMPONENT_KINDS, defaultConfig, type ComponentKind } from "@/lib/catalog";
import { ZONE_DEFINITIONS, ZONE_KINDS } from "@/lib/catalog/zones";
import { DesignSchema, SCHEMA_VERSION } from "@/lib/model";
import { ANNOTATION_COLOURS, ANNOTATION_KINDS } from "@/lib/model/annotations";

/**
 * What the document-format checks compare: a fingerprint of the stored shape of the whole document and of each
 * kind's settings (their JSON Schema with defaults, help texts left out: rewording a citation changes no stored
 * design), and the frozen fixture of a format version with every kind in it.
 */

export const FINGERPRINTS_FILE = new URL("../../lib/model/fixtures/fingerprints.json", import.meta.url);

export function everyKindFixtureFile(version: number): URL {
  return new URL(`../../lib/model/fixtures/v${version}-every-kind.json`, import.meta.url);
}

export interface RecordedFingerprints {
  /** Format version → fingerprint of the whole document. */
  documents: Record<string, string>;
  /** Kind → settings version → fingerprint of its settings. */
  kinds: Record<string, Record<string, string>>;
}

function withoutDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "description")
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([key, inner]) => [key, withoutDescriptions(inner)]),
  );
}

export function fingerprint(schema: z.ZodType): string {
  const shape = withoutDescriptions(z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }));
  return createHash("sha256").update(JSON.stringify(shape)).digest("hex").slice(0, 16);
}

export function currentFingerprints(): { document: string; kinds: Record<string, { version: number; fingerprint: string }> } {
  return {
    document: fingerprint(DesignSchema),
    kinds: Object.fromEntries(COMPONENT_KINDS.map((definition) => [definition.kind, { version: definition.settingsVersion ?? 1, fingerprint: fingerprint(definition.config) }])),
  };
}

/**
 * A document of the current format holding every component kind with every setting written out, every zone kind
 * nested as the catalogue allows, and a connection: frozen once written, it must open in every later version.
 */
export function everyKindDocument(): Record<string, unknown> {
  const zones = ZONE_KINDS.map((kind, index) => {
    const parent = ZONE_DEFINITIONS[kind].allowedParents.findLast((parentKind) => ZONE_KINDS.indexOf(parentKind) < index);
    return {
      id: `zone-${kind}`,
      kind,
      name: `Every kind: ${kind}`,
      ...(parent === undefined ? {} : { parentId: `zone-${parent}` }),
      position: { x: 20, y: 40 },
      size: { width: 2000 - index * 200, height: 1600 - index * 200 },
      ...(kind === "vpc" ? { cidr: "10.0.0.0/16" } : kind.endsWith("subnet") ? { cidr: `10.0.${index}.0/24` } : {}),
      ...(kind === "region" ? { code: "us-east-1" } : kind === "availability-zone" ? { code: "us-east-1a" } : {}),
    };
  });
  const components = COMPONENT_KINDS.map((definition, index) => ({
    id: `component-${definition.kind}`,
    kind: definition.kind,
    name: `Every kind: ${definition.label}`,
    position: { x: (index % 6) * 240, y: Math.floor(index / 6) * 120 },
    ...(definition.kind === "service" || definition.kind === "database" ? { zoneId: "zone-private-subnet" } : {}),
    ...(definition.kind === "service" ? { alsoIn: [{ zoneId: "zone-public-subnet", position: { x: 20, y: 40 } }] } : {}),
    config: defaultConfig(definition.kind as ComponentKind),
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    name: `Frozen v${SCHEMA_VERSION}: every kind`,
    description: "Kept unchanged forever: every later format version must still open it.",
    components,
    connections: [{ id: "connection-1", source: "component-service", target: "component-database", protocol: "tcp", timeoutMs: 5000 }],
    zones,
    annotations: ANNOTATION_KINDS.map((kind, index) => ({
      id: `annotation-${kind}`,
      kind,
      text: `Every kind: ${kind}\nsecond line`,
      position: { x: index * 200, y: -200 },
      size: { width: 180, height: 100 },
      colour: ANNOTATION_COLOURS[index % ANNOTATION_COLOURS.length],
    })),
  };
}
