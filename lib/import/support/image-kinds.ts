import type { ComponentKind } from "../../catalog";

/**
 * What a container image is, from its name: the well-known images of data stores, brokers, proxies and observability
 * tools map to their kind (and the engine in the catalogue's words); anything else is the team's own code, a service
 * or a worker. Every importer that reads images (Kubernetes, Compose) asks here. Matched on the image's last path
 * segment without tag or digest, so `docker.io/bitnami/postgresql:16` is a PostgreSQL database; the first match wins.
 */
const IMAGE_KINDS: readonly { pattern: RegExp; kind: ComponentKind; engine?: string }[] = [
  { pattern: /postgres|postgis|timescale|cockroach|yugabyte/, kind: "database", engine: "postgres" },
  { pattern: /mysql|mariadb|percona/, kind: "database", engine: "mysql" },
  { pattern: /mssql|oracle/, kind: "database" },
  { pattern: /redis|valkey|keydb|dragonfly/, kind: "cache", engine: "redis" },
  { pattern: /memcache/, kind: "cache", engine: "memcached" },
  { pattern: /mongo/, kind: "nosql-database", engine: "mongodb" },
  { pattern: /cassandra|scylla/, kind: "nosql-database", engine: "cassandra" },
  { pattern: /dynamodb-local|couchdb|couchbase|elasticsearch|opensearch|neo4j/, kind: "nosql-database" },
  { pattern: /rabbitmq/, kind: "queue", engine: "rabbitmq" },
  { pattern: /kafka|redpanda/, kind: "queue", engine: "kafka" },
  { pattern: /nats|activemq|artemis|pulsar|elasticmq/, kind: "queue" },
  { pattern: /nginx|envoy|traefik|haproxy|caddy|httpd|openresty|kong/, kind: "reverse-proxy" },
  { pattern: /prometheus|grafana|jaeger|otel|opentelemetry|loki|tempo|fluent|zipkin|alertmanager/, kind: "observability" },
  { pattern: /vault|openbao/, kind: "secrets-manager", engine: "vault" },
  { pattern: /minio|localstack|azurite|fake-gcs/, kind: "object-storage" },
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

/** Names that say a process works off a queue or a schedule rather than answering requests. */
const WORKER_NAMES = /(^|[-_.])(worker|workers|consumer|processor|job|jobs|cron|scheduler|sidekiq|celery|queue)([-_.]|$)/;

/** Own code that answers requests is a service; one that has no port or is named like a worker is a worker. */
export function kindOfOwnCode(name: string, answersRequests: boolean): ComponentKind {
  return !answersRequests || WORKER_NAMES.test(name.toLowerCase()) ? "worker" : "service";
}
