import type { ComponentKind } from "../../catalog";
import { DesignDraft } from "../support/draft";
import type { ImportResult, SourceFile } from "../types";
import { kindFromImage } from "../support/image-kinds";
import { isRecord, parseManifests, type KubeObject } from "./parse";
import { serviceReferences, type ServiceReference } from "./references";
import { autoscalingSettings, containersOf, firstPort, intIn, probeSettings, resourceSettings, spreadsAcrossZones } from "./settings";

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet"]);

/** Kinds a pod can be, when a manifest states it with the `app.kubernetes.io/component` label (Archway's own output does). */
const POD_KINDS = new Set<ComponentKind>(["service", "worker", "database", "cache", "nosql-database", "queue", "reverse-proxy", "observability", "secrets-manager", "object-storage"]);

/** Suffixes of Secret names that hold how to reach the Service named before them (`orders-db-credentials`). */
const SECRET_SUFFIX = /-(credentials|connection|secret|secrets|auth)$/;

const INGRESS_CLASS = /^[a-z0-9-]{1,63}$/;
const HOST = /^[A-Za-z0-9.-]{1,253}$/;
const PATH_PREFIX = /^\/[A-Za-z0-9/_{}+*.-]{0,199}$/;
const USERS = "client/users";

interface Workload {
  object: KubeObject;
  key: string;
  kind: ComponentKind;
  podLabels: Record<string, string>;
  podSpec: Record<string, unknown>;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function stringMap(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(record(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function objectKey(object: KubeObject): string {
  return `${object.kind}/${object.namespace}/${object.name}`;
}

function zoneKey(namespace: string): string {
  return `namespace/${namespace}`;
}

/** Whether pods with these labels match a label selector (matchLabels and `In`/`Exists` expressions, or a plain map). */
function selects(selector: Record<string, unknown>, labels: Record<string, string>): boolean {
  const plain = isRecord(selector.matchLabels) || Array.isArray(selector.matchExpressions) ? stringMap(selector.matchLabels) : stringMap(selector);
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.filter(isRecord) : [];
  if (Object.keys(plain).length === 0 && expressions.length === 0) return false;
  if (!Object.entries(plain).every(([key, value]) => labels[key] === value)) return false;
  return expressions.every((expression) => {
    const key = String(expression.key);
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    switch (expression.operator) {
      case "In":
        return labels[key] !== undefined && values.includes(labels[key]);
      case "NotIn":
        return labels[key] === undefined || !values.includes(labels[key]);
      case "Exists":
        return labels[key] !== undefined;
      case "DoesNotExist":
        return labels[key] === undefined;
      default:
        return false;
    }
  });
}

function workloadKind(object: KubeObject, podLabels: Record<string, string>, containers: readonly Record<string, unknown>[], selectedByService: boolean) {
  const stated = stringMap(record(object.raw.metadata).labels)["app.kubernetes.io/component"] ?? podLabels["app.kubernetes.io/component"];
  const fromImage = containers.map((container) => (typeof container.image === "string" ? kindFromImage(container.image) : undefined)).find((found) => found !== undefined);
  if (stated !== undefined && POD_KINDS.has(stated as ComponentKind)) {
    return { kind: stated as ComponentKind, image: fromImage?.kind === stated ? fromImage : undefined };
  }
  if (fromImage) return { kind: fromImage.kind, image: fromImage };
  return { kind: (firstPort(containers) !== undefined || selectedByService ? "service" : "worker") as ComponentKind, image: undefined };
}

/** Settings of a pod component from its spec: port, replicas, probes, resources, zone spread, engine and version. */
function workloadSettings(kind: ComponentKind, object: KubeObject, podSpec: Record<string, unknown>, image: ReturnType<typeof kindFromImage>): Record<string, unknown> {
  const containers = containersOf(podSpec);
  const first = containers[0] ?? {};
  const port = firstPort(containers);
  const replicas = intIn(record(object.raw.spec).replicas, 1, 1000);
  switch (kind) {
    case "service":
    case "worker": {
      const probes = probeSettings(first);
      const resources = resourceSettings(first);
      return {
        ...(kind === "service" && port !== undefined ? { port } : {}),
        ...(replicas !== undefined ? { replicas } : {}),
        ...(probes ? { probes } : {}),
        ...(resources ? { resources } : {}),
        spreadAcrossZones: spreadsAcrossZones(podSpec),
        ...(kind === "service" ? { autoscaling: { enabled: false } } : {}),
      };
    }
    case "database":
    case "cache":
      return {
        ...(image?.engine ? { engine: image.engine } : {}),
        ...(image?.version ? { engineVersion: image.version } : {}),
        ...(port !== undefined ? { port } : {}),
      };
    case "nosql-database":
      return { ...(image?.engine ? { engine: image.engine } : {}), ...(port !== undefined ? { port } : {}) };
    case "queue":
      return image?.engine ? { engine: image.engine, mode: image.engine === "kafka" ? "stream" : "queue" } : {};
    case "secrets-manager":
      return image?.engine === "vault" ? { provider: "vault" } : {};
    default:
      return {};
  }
}

function displayName(object: KubeObject): string {
  const annotated = stringMap(record(object.raw.metadata).annotations)["archway.dev/display-name"];
  return annotated !== undefined && annotated.trim() !== "" ? annotated : object.name;
}

/**
 * Reads Kubernetes objects into a design: each Deployment, StatefulSet and DaemonSet becomes a component (its kind
 * from the component label, the image, or whether it serves a port), each namespace a zone, each Ingress and
 * LoadBalancer Service an entry that Users reach; connections come from Ingress backends, LoadBalancer selectors,
 * NetworkPolicy peers and variables or ConfigMap entries that name another Service. Everything else is listed.
 */
export function readKubernetes(files: readonly SourceFile[], name: string | undefined): ImportResult {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const objects = parseManifests(sorted);
  const draft = new DesignDraft(name ?? designName(objects));
  const mapped = new Set<KubeObject>();
  const skip = (object: KubeObject, reason: string) => draft.unmapped({ file: object.file, line: object.line, item: objectKey(object), reason });

  const namespaces = new Set(objects.filter((object) => object.kind !== "Namespace" && object.name !== "").map((object) => object.namespace));
  for (const object of objects) if (object.kind === "Namespace" && object.name !== "") namespaces.add(object.name);
  const ensureZone = (namespace: string) => draft.addZone({ key: zoneKey(namespace), kind: "k8s-namespace", name: namespace });
  for (const object of objects) {
    if (object.kind === "Namespace" && object.name !== "") {
      ensureZone(object.name);
      mapped.add(object);
    }
  }

  const services = objects.filter((object) => object.kind === "Service" && object.name !== "");
  const workloads: Workload[] = [];
  for (const object of objects) {
    if (!WORKLOAD_KINDS.has(object.kind) || object.name === "") continue;
    const template = record(record(object.raw.spec).template);
    const podLabels = stringMap(record(template.metadata).labels);
    const podSpec = record(template.spec);
    const containers = containersOf(podSpec);
    if (containers.length === 0) {
      skip(object, "No containers in its pod template");
      continue;
    }
    const selected = services.some((service) => selects(record(record(service.raw.spec).selector), podLabels));
    const { kind, image } = workloadKind(object, podLabels, containers, selected);
    const key = objectKey(object);
    ensureZone(object.namespace);
    draft.addComponent({ key, kind, name: displayName(object), zoneKey: zoneKey(object.namespace), config: workloadSettings(kind, object, podSpec, image) });
    workloads.push({ object, key, kind, podLabels, podSpec });
    mapped.add(object);
  }
  const workloadKinds = new Map(workloads.map((workload) => [workload.key, workload.kind]));

  /** Pods a Service routes to, by `namespace/name`. */
  const serviceTargets = new Map<string, string[]>();
  for (const service of services) {
    const selector = record(record(service.raw.spec).selector);
    const targets = workloads.filter((workload) => workload.object.namespace === service.namespace && selects(selector, workload.podLabels)).map((workload) => workload.key);
    serviceTargets.set(`${service.namespace}/${service.name}`, targets);
  }
  const workloadsByName = new Map(workloads.map((workload) => [`${workload.object.namespace}/${workload.object.name}`, workload.key]));
  const resolve = (reference: ServiceReference, from: string): string[] => {
    const namespace = reference.namespace ?? from;
    if (!namespaces.has(namespace)) return [];
    return serviceTargets.get(`${namespace}/${reference.service}`) ?? (workloadsByName.has(`${namespace}/${reference.service}`) ? [workloadsByName.get(`${namespace}/${reference.service}`)!] : []);
  };
  /** A call from a pod; a worker that names a queue consumes it, so the message flows from the queue to the worker. */
  const call = (sourceKey: string, targetKey: string) => {
    if (workloadKinds.get(sourceKey) === "worker" && workloadKinds.get(targetKey) === "queue") draft.connect({ sourceKey: targetKey, targetKey: sourceKey });
    else draft.connect({ sourceKey, targetKey });
  };

  const configMaps = new Map(objects.filter((object) => object.kind === "ConfigMap").map((object) => [`${object.namespace}/${object.name}`, object]));
  const usedConfigMaps = new Set<KubeObject>();
  const configMapData = (namespace: string, name: unknown): Record<string, string> => {
    const configMap = typeof name === "string" ? configMaps.get(`${namespace}/${name}`) : undefined;
    if (!configMap) return {};
    usedConfigMaps.add(configMap);
    return stringMap(configMap.raw.data);
  };
  for (const workload of workloads) {
    const namespace = workload.object.namespace;
    const variables: [string, string][] = [];
    const secretNames: string[] = [];
    for (const container of containersOf(workload.podSpec)) {
      for (const source of Array.isArray(container.envFrom) ? container.envFrom.filter(isRecord) : []) {
        variables.push(...Object.entries(configMapData(namespace, record(source.configMapRef).name)));
        if (typeof record(source.secretRef).name === "string") secretNames.push(record(source.secretRef).name as string);
      }
      for (const variable of Array.isArray(container.env) ? container.env.filter(isRecord) : []) {
        if (typeof variable.name !== "string") continue;
        if (typeof variable.value === "string") variables.push([variable.name, variable.value]);
        const from = record(variable.valueFrom);
        const configKey = record(from.configMapKeyRef);
        if (typeof configKey.key === "string") {
          const value = configMapData(namespace, configKey.name)[configKey.key];
          if (value !== undefined) variables.push([variable.name, value]);
        }
        if (typeof record(from.secretKeyRef).name === "string") secretNames.push(record(from.secretKeyRef).name as string);
      }
    }
    for (const [variable, value] of variables) {
      for (const reference of serviceReferences(variable, value)) for (const target of resolve(reference, namespace)) call(workload.key, target);
    }
    for (const secret of secretNames) {
      const service = secret.replace(SECRET_SUFFIX, "");
      if (service !== secret) for (const target of resolve({ service }, namespace)) call(workload.key, target);
    }
  }

  const entries: string[] = [];
  for (const service of services) {
    const spec = record(service.raw.spec);
    const targets = serviceTargets.get(`${service.namespace}/${service.name}`) ?? [];
    if (targets.length === 0) {
      skip(service, "Selects no Deployment, StatefulSet or DaemonSet in these files");
      continue;
    }
    mapped.add(service);
    if (spec.type !== "LoadBalancer") continue;
    const annotations = stringMap(record(service.raw.metadata).annotations);
    const internal = annotations["service.beta.kubernetes.io/aws-load-balancer-internal"] === "true" || annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"] === "internal";
    const ports = Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : [];
    const listenerPort = ports.map((port) => intIn(port.port, 1, 65535)).find((port) => port !== undefined);
    const key = objectKey(service);
    draft.addComponent({
      key,
      kind: "load-balancer",
      name: service.name,
      zoneKey: zoneKey(service.namespace),
      config: { scheme: internal ? "internal" : "internet-facing", ...(listenerPort !== undefined ? { listenerPort, tls: listenerPort === 443 } : {}) },
    });
    if (!internal) entries.push(key);
    for (const target of targets) draft.connect({ sourceKey: key, targetKey: target });
  }

  for (const ingress of objects.filter((object) => object.kind === "Ingress" && object.name !== "")) {
    const spec = record(ingress.raw.spec);
    const annotations = stringMap(record(ingress.raw.metadata).annotations);
    const rules = Array.isArray(spec.rules) ? spec.rules.filter(isRecord) : [];
    const routes: { service: string; path?: string }[] = [];
    const backendService = (backend: unknown) => {
      const service = record(record(backend).service).name ?? record(backend).serviceName;
      return typeof service === "string" ? service : undefined;
    };
    const fallback = backendService(spec.defaultBackend ?? spec.backend);
    if (fallback) routes.push({ service: fallback });
    for (const rule of rules) {
      for (const path of Array.isArray(record(rule.http).paths) ? (record(rule.http).paths as unknown[]).filter(isRecord) : []) {
        const service = backendService(path.backend);
        if (service) routes.push({ service, ...(typeof path.path === "string" ? { path: path.path } : {}) });
      }
    }
    const resolved = routes.map((route) => ({ ...route, targets: serviceTargets.get(`${ingress.namespace}/${route.service}`) ?? [] })).filter((route) => route.targets.length > 0);
    if (resolved.length === 0) {
      skip(ingress, "Routes to no Service that selects a workload in these files");
      continue;
    }
    const host = rules.map((rule) => rule.host).find((value): value is string => typeof value === "string" && HOST.test(value));
    const ingressClass = [spec.ingressClassName, annotations["kubernetes.io/ingress.class"]].find((value): value is string => typeof value === "string" && INGRESS_CLASS.test(value));
    const issuer = [annotations["cert-manager.io/cluster-issuer"], annotations["cert-manager.io/issuer"]].find((value) => value !== undefined && INGRESS_CLASS.test(value));
    const rateLimit = annotations["nginx.ingress.kubernetes.io/limit-rps"];
    const key = objectKey(ingress);
    ensureZone(ingress.namespace);
    draft.addComponent({
      key,
      kind: "reverse-proxy",
      name: ingress.name,
      zoneKey: zoneKey(ingress.namespace),
      config: {
        tls: Array.isArray(spec.tls) && spec.tls.length > 0,
        rateLimitPerSecond: rateLimit !== undefined && /^\d{1,6}$/.test(rateLimit) && Number(rateLimit) <= 100_000 ? Number(rateLimit) : 0,
        ...(host ? { host } : {}),
        ...(ingressClass ? { ingressClass } : {}),
        ...(issuer ? { certManagerIssuer: issuer } : {}),
      },
    });
    entries.push(key);
    mapped.add(ingress);
    for (const route of resolved) {
      const pathPrefix = route.path !== undefined && route.path !== "/" && PATH_PREFIX.test(route.path) ? route.path : undefined;
      for (const target of route.targets) draft.connect({ sourceKey: key, targetKey: target, ...(pathPrefix ? { pathPrefix } : {}) });
    }
  }
  if (entries.length > 0) {
    draft.addComponent({ key: USERS, kind: "client", name: "Users" });
    for (const entry of entries) draft.connect({ sourceKey: USERS, targetKey: entry });
  }

  for (const autoscaler of objects.filter((object) => object.kind === "HorizontalPodAutoscaler")) {
    const spec = record(autoscaler.raw.spec);
    const target = record(spec.scaleTargetRef);
    const key = `${String(target.kind)}/${autoscaler.namespace}/${String(target.name)}`;
    const settings = autoscalingSettings(spec);
    if (workloadKinds.get(key) !== "service" || !settings) {
      skip(autoscaler, workloadKinds.has(key) ? "Scales a component without autoscaling settings, or has no maxReplicas" : `Scales ${key}, which is not in these files`);
      continue;
    }
    draft.configure(key, { autoscaling: settings });
    mapped.add(autoscaler);
  }

  for (const policy of objects.filter((object) => object.kind === "NetworkPolicy")) {
    const spec = record(policy.raw.spec);
    const selected = workloads.filter((workload) => workload.object.namespace === policy.namespace && selects(record(spec.podSelector), workload.podLabels));
    const peers = (rules: unknown, field: "from" | "to") =>
      (Array.isArray(rules) ? rules.filter(isRecord) : []).flatMap((rule) => (Array.isArray(rule[field]) ? (rule[field] as unknown[]).filter(isRecord) : [])).flatMap((peer) => {
        if (!isRecord(peer.podSelector)) return [];
        const namespace = stringMap(record(peer.namespaceSelector).matchLabels)["kubernetes.io/metadata.name"] ?? (isRecord(peer.namespaceSelector) ? undefined : policy.namespace);
        return workloads.filter((workload) => (namespace === undefined || workload.object.namespace === namespace) && selects(peer.podSelector as Record<string, unknown>, workload.podLabels));
      });
    let connected = false;
    for (const target of selected) {
      for (const source of peers(spec.ingress, "from")) {
        call(source.key, target.key);
        connected = true;
      }
      for (const destination of peers(spec.egress, "to")) {
        call(target.key, destination.key);
        connected = true;
      }
    }
    if (connected) mapped.add(policy);
    else skip(policy, "Allows no traffic between imported workloads (a default deny, DNS, or peers outside these files)");
  }

  for (const object of objects) {
    if (mapped.has(object) || usedConfigMaps.has(object)) continue;
    if (WORKLOAD_KINDS.has(object.kind) || ["Service", "Ingress", "HorizontalPodAutoscaler", "NetworkPolicy"].includes(object.kind)) continue;
    skip(object, unmappedReason(object));
  }
  const { design, unmapped } = draft.build();
  return { format: "kubernetes", design, unmapped };
}

function unmappedReason(object: KubeObject): string {
  switch (object.kind) {
    case "PodDisruptionBudget":
      return "A design has no disruption budget setting; replicas and zone spread carry the availability";
    case "ConfigMap":
      return "Not read by any imported workload";
    case "Secret":
      return "Secret values are never imported";
    case "Kustomization":
      return "A kustomization is not built here; import the output of `kustomize build`";
    case "":
      return "Has no kind";
    default:
      return `${object.kind} has no counterpart in a design`;
  }
}

function designName(objects: readonly KubeObject[]): string {
  for (const object of objects) {
    const partOf = stringMap(record(object.raw.metadata).labels)["app.kubernetes.io/part-of"];
    if (partOf !== undefined && partOf.trim() !== "") return partOf;
  }
  return "Imported from Kubernetes";
}
