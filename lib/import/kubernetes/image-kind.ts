import type { ComponentKind } from "../../catalog";

/** Image names (the last path segment, before the tag) that say what a container is; the first match wins. */
const IMAGE_KINDS: readonly { pattern: RegExp; kind: ComponentKind; engine?: string }[] = [
  { pattern: /postgres|postgis|timescale/, kind: "database", engine: "postgres" },
  { pattern: /mysql|mariadb|percona/, kind: "database", engine: "mysql" },
  { pattern: /redis|valkey|keydb/, kind: "cache", engine: "redis" },
  { pattern: /memcache/, kind: "cache", engine: "memcached" },
  { pattern: /mongo/, kind: "nosql-database", engine: "mongodb" },
  { pattern: /cassandra|scylla/, kind: "nosql-database", engine: "cassandra" },
  { pattern: /rabbitmq/, kind: "queue", engine: "rabbitmq" },
  { pattern: /kafka|redpanda/, kind: "queue", engine: "kafka" },
  { pattern: /nats/, kind: "queue" },
  { pattern: /nginx|envoy|traefik|haproxy|caddy/, kind: "reverse-proxy" },
  { pattern: /prometheus|grafana|jaeger|otel|opentelemetry|loki|tempo|fluent/, kind: "observability" },
  { pattern: /vault/, kind: "secrets-manager", engine: "vault" },
  { pattern: /minio/, kind: "object-storage" },
];

export interface ImageKind {
  kind: ComponentKind;
  /** The engine the image names, in the catalogue's words (`postgres`, `redis`, `mongodb`, `vault`). */
  engine?: string;
  /** The tag when it is a plain version (`16.2`, `7`), else undefined. */
  version?: string;
}

/** What a container image is, by its name: `docker.io/library/postgres:16.2-alpine` → database, postgres, 16.2. */
export function kindFromImage(image: string): ImageKind | undefined {
  const withoutDigest = image.split("@")[0];
  const lastSegment = withoutDigest.split("/").pop() ?? "";
  const [name, tag] = lastSegment.split(":");
  const match = IMAGE_KINDS.find((entry) => entry.pattern.test(name.toLowerCase()));
  if (!match) return undefined;
  const version = tag?.match(/^v?(\d+(?:\.\d+){0,2})(?:$|[-_])/)?.[1];
  return { kind: match.kind, ...(match.engine ? { engine: match.engine } : {}), ...(version ? { version } : {}) };
}
