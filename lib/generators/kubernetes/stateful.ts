import { cite } from "../../model";
import type { KubernetesContext, StatefulStore } from "./context";
import { CONTAINER_SECURITY_CONTEXT, componentFolder, labels, metadata, podSecurityContext, selector, type Manifest } from "./manifest";
import { credentialsSecret } from "./workloads";

interface Engine {
  image: string;
  /** The image's own unprivileged user. */
  user: number;
  dataPath?: string;
  /** Directories the engine writes besides its data, mounted as emptyDir under a read-only root. */
  scratch: string[];
  args?: string[];
  env?: Record<string, unknown>[];
}

function engineOf(context: KubernetesContext, store: StatefulStore): Engine {
  switch (store.kind) {
    case "database":
      if (store.config.engine === "postgres") {
        return {
          image: `postgres:${store.config.engineVersion}`,
          user: 999,
          dataPath: "/var/lib/postgresql/data",
          scratch: ["/tmp", "/var/run/postgresql"],
          env: [
            { name: "PGDATA", value: "/var/lib/postgresql/data/pgdata" },
            { name: "POSTGRES_DB", value: "app" },
            { name: "POSTGRES_USER", valueFrom: { secretKeyRef: { name: credentialsSecret(context, store), key: "username" } } },
            { name: "POSTGRES_PASSWORD", valueFrom: { secretKeyRef: { name: credentialsSecret(context, store), key: "password" } } },
          ],
        };
      }
      return {
        image: `mysql:${store.config.engineVersion}`,
        user: 999,
        dataPath: "/var/lib/mysql",
        scratch: ["/tmp", "/var/run/mysqld"],
        env: [
          { name: "MYSQL_DATABASE", value: "app" },
          { name: "MYSQL_USER", valueFrom: { secretKeyRef: { name: credentialsSecret(context, store), key: "username" } } },
          { name: "MYSQL_PASSWORD", valueFrom: { secretKeyRef: { name: credentialsSecret(context, store), key: "password" } } },
          { name: "MYSQL_ROOT_PASSWORD", valueFrom: { secretKeyRef: { name: credentialsSecret(context, store), key: "root-password" } } },
        ],
      };
    case "cache":
      if (store.config.engine === "redis") {
        return {
          image: `redis:${store.config.engineVersion}`,
          user: 999,
          dataPath: "/data",
          scratch: ["/tmp"],
          args: ["--port", String(store.config.port), "--maxmemory-policy", store.config.evictionPolicy, "--appendonly", "no"],
        };
      }
      return { image: "memcached:1.6", user: 11211, scratch: ["/tmp"], args: ["-p", String(store.config.port)] };
    case "nosql-database":
      if (store.config.engine === "mongodb") return { image: "mongo:7.0", user: 999, dataPath: "/data/db", scratch: ["/tmp"], args: ["--port", String(store.config.port)] };
      return { image: "cassandra:4.1", user: 999, dataPath: "/var/lib/cassandra", scratch: ["/tmp", "/etc/cassandra"] };
  }
}

function storageGi(store: StatefulStore): number {
  return store.kind === "database" ? store.config.allocatedStorageGb : store.kind === "nosql-database" ? 20 : 1;
}

/**
 * A data store drawn inside a Kubernetes namespace runs as a StatefulSet with a headless Service, as in
 * 001 "Layer 9: Database Connection (FastAPI → PostgreSQL)": one replica with a persistent volume, the
 * image's own non-root user, credentials from a Secret referenced by name, TCP probes on its port.
 */
export function statefulManifests(context: KubernetesContext, store: StatefulStore): Manifest[] {
  const folder = componentFolder(context, store);
  const name = context.name(store);
  const engine = engineOf(context, store);
  const port = context.port(store) as number;
  const scratchVolumes = engine.scratch.map((path, index) => ({ name: `scratch-${index + 1}`, path }));
  const container = {
    name: store.kind,
    image: engine.image,
    imagePullPolicy: "IfNotPresent",
    ...(engine.args ? { args: engine.args } : {}),
    ...(engine.env ? { env: engine.env } : {}),
    ports: [{ name: "tcp", containerPort: port, protocol: "TCP" }],
    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    livenessProbe: { tcpSocket: { port: "tcp" }, initialDelaySeconds: 30, periodSeconds: 10, failureThreshold: 3 },
    readinessProbe: { tcpSocket: { port: "tcp" }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 },
    securityContext: CONTAINER_SECURITY_CONTEXT,
    volumeMounts: [
      ...(engine.dataPath ? [{ name: "data", mountPath: engine.dataPath }] : []),
      ...scratchVolumes.map((volume) => ({ name: volume.name, mountPath: volume.path })),
    ],
  };
  return [
    {
      path: `${folder}/service.yaml`,
      object: {
        apiVersion: "v1",
        kind: "Service",
        metadata: metadata(context, store),
        spec: { clusterIP: "None", selector: selector(context, store), ports: [{ name: "tcp", port, targetPort: "tcp", protocol: "TCP" }] },
      },
      sources: [cite("001", "Layer 9: Database Connection (FastAPI → PostgreSQL)")],
    },
    {
      path: `${folder}/statefulset.yaml`,
      object: {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: metadata(context, store),
        spec: {
          serviceName: name,
          replicas: 1,
          selector: { matchLabels: selector(context, store) },
          template: {
            metadata: { labels: labels(context, store) },
            spec: {
              automountServiceAccountToken: false,
              terminationGracePeriodSeconds: 60,
              securityContext: podSecurityContext(engine.user),
              containers: [container],
              volumes: scratchVolumes.map((volume) => ({ name: volume.name, emptyDir: {} })),
            },
          },
          ...(engine.dataPath
            ? {
                volumeClaimTemplates: [
                  {
                    metadata: { name: "data" },
                    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: `${storageGi(store)}Gi` } } },
                  },
                ],
              }
            : {}),
        },
      },
      sources: [cite("001", "Layer 9: Database Connection (FastAPI → PostgreSQL)"), cite("003", "Database Architecture")],
    },
  ];
}
