import { z } from "zod";
import { COMPONENT_KINDS, PROTOCOLS } from "../catalog";
import { ZONE_DEFINITIONS, ZONE_KINDS } from "../catalog/zones";
import { ANNOTATION_LIMITS, AnnotationSchema } from "./annotations";
import { IdSchema } from "./ids";
import { AlsoInSchema, placementIssues, type Placement } from "./placements";

export const SCHEMA_VERSION = 2;

export const LIMITS = {
  components: 10_000,
  connections: 40_000,
  zones: 2_000,
  nameLength: 200,
  descriptionLength: 5_000,
  annotations: ANNOTATION_LIMITS.count,
  annotationTextLength: ANNOTATION_LIMITS.textLength,
} as const;

/** Names are stored in TEXT columns too: PostgreSQL cannot store NUL, and drivers do not keep unpaired surrogates. */
const UNSTORABLE_TEXT = /\u0000|\p{Surrogate}/u;

const NameSchema = z
  .string()
  .min(1, "A name cannot be empty")
  .max(LIMITS.nameLength, `A name is at most ${LIMITS.nameLength} characters`)
  .refine((name) => !UNSTORABLE_TEXT.test(name), "A name cannot contain NUL characters or unpaired surrogates")
  .describe("Display name; any text, generators escape it.");

const Coordinate = z.number().finite().min(-1_000_000).max(1_000_000);

export const PositionSchema = z.object({ x: Coordinate, y: Coordinate }).describe("Canvas position, relative to the parent zone if any.");

export const SizeSchema = z
  .object({ width: z.number().finite().min(40).max(100_000), height: z.number().finite().min(40).max(100_000) })
  .describe("Zone size on the canvas.");

const componentShape = {
  id: IdSchema,
  name: NameSchema,
  zoneId: IdSchema.optional().describe("Zone the component is placed in."),
  position: PositionSchema,
  alsoIn: AlsoInSchema,
};

type KindDefinition = (typeof COMPONENT_KINDS)[number];
type ComponentFor<D extends KindDefinition> = {
  id: string;
  name: string;
  zoneId?: string;
  position: { x: number; y: number };
  alsoIn?: Placement[];
  kind: D["kind"];
  config: z.output<D["config"]>;
};
type ComponentInputFor<D extends KindDefinition> = Omit<ComponentFor<D>, "config"> & { config?: z.input<D["config"]> };

/** A component, typed per kind so `component.kind === "database"` narrows `component.config`. */
export type Component = { [K in KindDefinition["kind"]]: ComponentFor<Extract<KindDefinition, { kind: K }>> }[KindDefinition["kind"]];
export type ComponentInput = { [K in KindDefinition["kind"]]: ComponentInputFor<Extract<KindDefinition, { kind: K }>> }[KindDefinition["kind"]];

/** One object schema per catalog kind, discriminated on `kind`; missing settings take the kind's defaults. */
const componentSchemas = COMPONENT_KINDS.map((definition) =>
  z.object({ ...componentShape, kind: z.literal(definition.kind), config: (definition.config as z.ZodObject).prefault({}) }),
);

export const ComponentSchema = z
  .discriminatedUnion("kind", componentSchemas as unknown as [(typeof componentSchemas)[number], ...(typeof componentSchemas)[number][]])
  .describe("A component placed on the canvas.") as unknown as z.ZodType<Component, ComponentInput>;

export const RetryPolicySchema = z
  .object({
    enabled: z.boolean().default(false).describe("Retry failed calls (002 \"Retry with Backoff\")."),
    maxRetries: z.number().int().min(0).max(10).default(3).describe("Retries after the first attempt: 3-5 then fail (002 \"Retry with Backoff\")."),
    backoff: z.enum(["none", "fixed", "exponential"]).default("exponential").describe("Wait between attempts: exponential, 1 s, 2 s, 4 s, 8 s (002 \"Retry with Backoff\")."),
    baseDelayMs: z.number().int().min(0).max(600_000).default(1000).describe("First wait: 1 s (002 \"Retry with Backoff\")."),
    maxDelayMs: z.number().int().min(0).max(3_600_000).default(8000).describe("Longest wait: 8 s (002 \"Retry with Backoff\": Attempt 5: Wait 8s)."),
    jitter: z.boolean().default(true).describe("Add randomness to avoid a thundering herd (002 \"Retry with Backoff\")."),
  })
  .describe("Retry policy of the caller (002 \"Retry with Backoff\").");

export const CircuitBreakerSchema = z
  .object({
    enabled: z.boolean().default(false).describe("Fail fast while the callee is failing (002 \"Circuit Breaker\")."),
    failureThresholdPercent: z.number().int().min(1).max(100).default(50).describe("Open when this share of calls fail: 50 % (002 \"Circuit Breaker\")."),
    openSeconds: z.number().int().min(1).max(3600).default(60).describe("Stay open this long before testing: 60 s (002 \"Circuit Breaker\")."),
    halfOpenRequests: z.number().int().min(1).max(100).default(3).describe("Trial calls when half-open: 3 (002 \"Circuit Breaker\")."),
  })
  .describe("Circuit breaker of the caller (002 \"Circuit Breaker\").");

export const ConnectionSchema = z
  .object({
    id: IdSchema,
    source: IdSchema.describe("Id of the calling component."),
    target: IdSchema.describe("Id of the called component."),
    protocol: z.enum(PROTOCOLS).default("http").describe("HTTP, gRPC, TCP or asynchronous messaging (002 Inter-Service Communication)."),
    timeoutMs: z
      .number()
      .int()
      .min(1)
      .max(3_600_000)
      .optional()
      .describe("How long the caller waits, in ms. Each hop waits less than its caller: 60/55/50/45 s (002 \"Timeout Configuration\")."),
    retry: RetryPolicySchema.prefault({}),
    circuitBreaker: CircuitBreakerSchema.prefault({}),
    tls: z.boolean().default(true).describe("Encrypt this hop with TLS (002 Encryption: In Transit: TLS 1.3, mTLS)."),
    pathPrefix: z
      .string()
      .regex(/^\/[A-Za-z0-9/_{}+*.-]*$/, "A path starts with / and uses letters, digits, / _ - . * + { }")
      .max(200)
      .optional()
      .describe("Route prefix this hop carries, e.g. /api/* (003 \"Path-Based Routing Details\", 004 routes)."),
    label: z.string().max(LIMITS.nameLength).optional().describe("Free-text label shown on the edge."),
  })
  .describe("A call or message flow from one component to another.");

export const ZoneSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(ZONE_KINDS),
    name: NameSchema,
    parentId: IdSchema.optional().describe("Zone this zone is nested in."),
    position: PositionSchema,
    size: SizeSchema,
    cidr: z
      .string()
      .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, "A CIDR block such as 10.0.0.0/16")
      .optional()
      .describe("Address range of a VPC or subnet (004: VPC 10.0.0.0/16)."),
    code: z
      .string()
      .regex(/^[a-z0-9-]{1,30}$/, "A cloud code such as us-east-1 or us-east-1a")
      .optional()
      .describe("Cloud code of a region or availability zone (003: us-east-1a, us-east-1b)."),
  })
  .describe("A container: region, VPC, availability zone, subnet or Kubernetes namespace.");

export const AcknowledgementSchema = z
  .object({
    ruleId: z.string().min(1).max(100),
    targetId: IdSchema.describe("Component, connection or zone the finding points at."),
    reason: z.string().min(1, "Say why the finding is acceptable").max(1000),
  })
  .describe("A finding the team accepted, with the reason.");

export const DesignSettingsSchema = z
  .object({
    cloudRegion: z.string().regex(/^[a-z]{2}-[a-z]+-\d$/, "An AWS region such as us-east-1").default("us-east-1").describe("AWS region for Terraform (003: us-east-1)."),
    computePlatform: z.enum(["ecs-fargate", "eks"]).default("ecs-fargate").describe("Where services run: ECS Fargate (004) or EKS (003)."),
  })
  .describe("Design-wide choices used by the generators.");

const DesignShape = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION).describe("Version of this document format."),
  name: NameSchema,
  description: z.string().max(LIMITS.descriptionLength).default(""),
  settings: DesignSettingsSchema.prefault({}),
  components: z.array(ComponentSchema).max(LIMITS.components).default([]),
  connections: z.array(ConnectionSchema).max(LIMITS.connections).default([]),
  zones: z.array(ZoneSchema).max(LIMITS.zones).default([]),
  acknowledgements: z.array(AcknowledgementSchema).max(10_000).default([]),
  annotations: z.array(AnnotationSchema).max(LIMITS.annotations).default([]).describe("Notes and shapes; not architecture."),
});

/** Ids must be unique and every reference must resolve; a document that fails this is malformed, not merely unwise. */
export const DesignSchema = DesignShape.superRefine((design, ctx) => {
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]) => {
    const previous = seen.get(id);
    if (previous) ctx.addIssue({ code: "custom", path, message: `Duplicate id "${id}" (already used at ${previous})` });
    else seen.set(id, path.join("."));
  };
  design.zones.forEach((zone, index) => claim(zone.id, ["zones", index, "id"]));
  design.components.forEach((component, index) => claim(component.id, ["components", index, "id"]));
  design.connections.forEach((connection, index) => claim(connection.id, ["connections", index, "id"]));
  design.annotations.forEach((annotation, index) => claim(annotation.id, ["annotations", index, "id"]));

  const zones = new Map(design.zones.map((zone) => [zone.id, zone]));
  const componentIds = new Set(design.components.map((component) => component.id));

  design.zones.forEach((zone, index) => {
    if (zone.parentId === undefined) return;
    const parent = zones.get(zone.parentId);
    if (!parent) {
      ctx.addIssue({ code: "custom", path: ["zones", index, "parentId"], message: `Zone "${zone.parentId}" does not exist` });
      return;
    }
    if (!ZONE_DEFINITIONS[zone.kind].allowedParents.includes(parent.kind)) {
      ctx.addIssue({
        code: "custom",
        path: ["zones", index, "parentId"],
        message: `A ${ZONE_DEFINITIONS[zone.kind].label} cannot be placed in a ${ZONE_DEFINITIONS[parent.kind].label}`,
      });
    }
    const visited = new Set([zone.id]);
    let current: (typeof design.zones)[number] | undefined = parent;
    while (current) {
      if (visited.has(current.id)) {
        ctx.addIssue({ code: "custom", path: ["zones", index, "parentId"], message: `Zone "${zone.id}" is nested in itself` });
        break;
      }
      visited.add(current.id);
      current = current.parentId === undefined ? undefined : zones.get(current.parentId);
    }
  });

  design.components.forEach((component, index) => {
    if (component.zoneId !== undefined && !zones.has(component.zoneId)) {
      ctx.addIssue({ code: "custom", path: ["components", index, "zoneId"], message: `Zone "${component.zoneId}" does not exist` });
    }
    for (const issue of placementIssues(component, zones)) {
      ctx.addIssue({ code: "custom", path: ["components", index, ...issue.path], message: issue.message });
    }
  });

  design.annotations.forEach((annotation, index) => {
    if (annotation.zoneId !== undefined && !zones.has(annotation.zoneId)) {
      ctx.addIssue({ code: "custom", path: ["annotations", index, "zoneId"], message: `Zone "${annotation.zoneId}" does not exist` });
    }
  });

  design.connections.forEach((connection, index) => {
    if (!componentIds.has(connection.source)) {
      ctx.addIssue({ code: "custom", path: ["connections", index, "source"], message: `Component "${connection.source}" does not exist` });
    }
    if (!componentIds.has(connection.target)) {
      ctx.addIssue({ code: "custom", path: ["connections", index, "target"], message: `Component "${connection.target}" does not exist` });
    }
    if (connection.source === connection.target) {
      ctx.addIssue({ code: "custom", path: ["connections", index, "target"], message: "A component cannot connect to itself" });
    }
  });
}).describe("An Archway design document.");

export type Design = z.infer<typeof DesignSchema>;
export type DesignInput = z.input<typeof DesignSchema>;
export type ComponentOf<K extends Component["kind"]> = Extract<Component, { kind: K }>;
export type Connection = z.infer<typeof ConnectionSchema>;
export type Zone = z.infer<typeof ZoneSchema>;
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;
export type RetryPolicy = z.infer<typeof RetryPolicySchema>;
export type CircuitBreaker = z.infer<typeof CircuitBreakerSchema>;
