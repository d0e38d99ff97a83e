import type { ComponentKind } from "../../catalog";

/**
 * What a container image is, from its name: the well-known images of data stores, brokers, proxies and
 * observability tools map to their kind; anything else is the team's own code (a service or a worker). Matched on
 * the image's last path segment without tag or digest, so `docker.io/bitnami/postgresql:16` is a database.
 */
const IMAGE_KINDS: readonly (readonly [RegExp, ComponentKind])[] = [
  [/^(postgres|postgresql|postgis|mysql|mariadb|percona|cockroach|cockroachdb|timescaledb|yugabyte|mssql-server|oracle)/, "database"],
  [/^(redis|valkey|keydb|memcached|dragonfly)/, "cache"],
  [/^(mongo|mongodb|cassandra|scylla|couchdb|couchbase|dynamodb-local|elasticsearch|opensearch|neo4j)/, "nosql-database"],
  [/^(rabbitmq|kafka|cp-kafka|redpanda|nats|activemq|artemis|pulsar|elasticmq|zookeeper)/, "queue"],
  [/^(nginx|envoy|traefik|haproxy|caddy|httpd|apache|kong|openresty)/, "reverse-proxy"],
  [/^(minio|localstack|azurite|fake-gcs-server)/, "object-storage"],
  [/^(prometheus|grafana|jaeger|all-in-one|otel|opentelemetry-collector|loki|tempo|zipkin|alertmanager|fluent-bit|fluentd|datadog)/, "observability"],
  [/^(vault|openbao)/, "secrets-manager"],
];

/** The image's name without registry, path, tag or digest: `ghcr.io/acme/orders-api:1.2@sha256:…` → `orders-api`. */
export function imageBaseName(image: string): string {
  const withoutDigest = image.split("@")[0];
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  return lastSegment.split(":")[0].toLowerCase();
}

/** The kind a well-known image runs as, or undefined for the team's own images. */
export function kindOfImage(image: string): ComponentKind | undefined {
  const name = imageBaseName(image);
  return IMAGE_KINDS.find(([pattern]) => pattern.test(name))?.[1];
}

/** Names that say a process works off a queue or a schedule rather than answering requests. */
const WORKER_NAMES = /(^|[-_.])(worker|workers|consumer|processor|job|jobs|cron|scheduler|sidekiq|celery|queue)([-_.]|$)/;

/** Own code that answers requests is a service; one that has no port or is named like a worker is a worker. */
export function kindOfOwnCode(name: string, answersRequests: boolean): ComponentKind {
  return !answersRequests || WORKER_NAMES.test(name.toLowerCase()) ? "worker" : "service";
}
