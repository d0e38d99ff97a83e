import { DesignSchema, SCHEMA_VERSION, type Design } from "@/lib/model";

/**
 * The design the export is proven on: "orders" calls "inventory" with a timeout, retries and a circuit
 * breaker, reads through a Redis cache and stores in PostgreSQL, which "inventory" uses too.
 */
export const EXPORT_DESIGN_INPUT = {
  schemaVersion: SCHEMA_VERSION,
  name: "Export proof",
  description: "Two services, a cache and a database.",
  components: [
    {
      id: "orders",
      kind: "service",
      name: "Orders",
      position: { x: 0, y: 0 },
      config: { routes: [{ method: "GET", path: "/api/orders/:id" }, { method: "POST", path: "/api/orders" }] },
    },
    { id: "inventory", kind: "service", name: "Inventory", position: { x: 300, y: 0 }, config: { port: 8081, routes: [{ method: "GET", path: "/api/items/:id" }] } },
    { id: "redis", kind: "cache", name: "Redis", position: { x: 0, y: 200 }, config: { ttlSeconds: 60 } },
    { id: "postgres", kind: "database", name: "PostgreSQL", position: { x: 300, y: 200 } },
  ],
  connections: [
    {
      id: "orders-inventory",
      source: "orders",
      target: "inventory",
      timeoutMs: 5000,
      retry: { enabled: true, maxRetries: 2, baseDelayMs: 50, maxDelayMs: 200 },
      circuitBreaker: { enabled: true },
    },
    { id: "orders-redis", source: "orders", target: "redis", protocol: "tcp" },
    { id: "orders-postgres", source: "orders", target: "postgres", protocol: "tcp" },
    { id: "inventory-postgres", source: "inventory", target: "postgres", protocol: "tcp" },
  ],
} as const;

export const EXPORT_DESIGN: Design = DesignSchema.parse(EXPORT_DESIGN_INPUT);

export const ARCHWAY_TEST_VERSION = "0.0.0-test";

/** Files at the root and in the fixed folders of every export, whatever the design. */
export const FIXED_FILES = [
  ".editorconfig",
  ".env.example",
  ".github/workflows/ci.yml",
  ".gitignore",
  "README.md",
  "deploy/k8s/base/README.md",
  "deploy/k8s/base/kustomization.yaml",
  "deploy/k8s/overlays/dev/kustomization.yaml",
  "deploy/k8s/overlays/prod/kustomization.yaml",
  "deploy/k8s/overlays/staging/kustomization.yaml",
  "docker-compose.yml",
  "docs/architecture.md",
  "package.json",
];
