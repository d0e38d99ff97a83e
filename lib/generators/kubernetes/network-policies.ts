import { cite, type Component, type Connection } from "../../model";
import { dnsLabel, shortHash } from "../naming";
import type { KubernetesContext } from "./context";
import { selector, type Manifest } from "./manifest";

const SOURCES = [cite("001", "Complete Deployment (FastAPI + PostgreSQL + Ingress)")];

/** Namespace of the ingress controller, as installed in 001 "Layer 5: Kubernetes Ingress/Service Entry Point". */
export const INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
/** Namespace Prometheus scrapes from (003 "8. Prometheus (Metrics Collection)"). */
export const MONITORING_NAMESPACE = "monitoring";

function namespaceSelector(namespace: string) {
  return { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } } };
}

function podPeer(context: KubernetesContext, pod: Component, fromNamespace: string) {
  const peer = { podSelector: { matchLabels: selector(context, pod) } };
  const namespace = context.namespaceOf(pod);
  return namespace === fromNamespace ? peer : { ...namespaceSelector(namespace), ...peer };
}

function tcp(port: number) {
  return [{ protocol: "TCP", port }];
}

function policy(context: KubernetesContext, namespace: string, name: string, spec: Record<string, unknown>): Manifest {
  return {
    path: `${namespace}/network-policies/${name}.yaml`,
    object: {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name, namespace, labels: { "app.kubernetes.io/part-of": context.project, "app.kubernetes.io/managed-by": "archway" } },
      spec,
    },
    sources: SOURCES,
  };
}

/** Where a call from outside the cluster arrives from: AWS load balancers and gateways sit in the VPC, the rest comes through the ingress controller. */
function edgePeer(context: KubernetesContext, source: Component) {
  return source.kind === "load-balancer" || source.kind === "api-gateway" ? { ipBlock: { cidr: context.vpcCidr() } } : namespaceSelector(INGRESS_CONTROLLER_NAMESPACE);
}

/**
 * Names of the connections' allow policies, `allow-<source name>-<target name>`, in one pass: a second
 * connection between the same pair (or a pair whose names join to the same text) gets a hash of its
 * connection id, so no two policies share a name.
 */
function allowPolicyNames(context: KubernetesContext): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const connection of context.design.connections) {
    const parts = ["allow", context.name(context.component(connection.source)), context.name(context.component(connection.target))];
    const wanted = dnsLabel(...parts);
    const name = taken.has(wanted) ? dnsLabel(...parts, shortHash(connection.id)) : wanted;
    taken.add(name);
    names.set(connection.id, name);
  }
  return names;
}

/**
 * One ingress allow per connection into pods, named by `allowPolicyNames`: from the calling pods, from
 * the cluster edge, or from Prometheus. Calls through a load balancer or gateway allow the pods behind it.
 * Names start with `allow-`, `egress-` or `default-`, so they never collide.
 */
function connectionPolicies(context: KubernetesContext, connection: Connection, name: string): Manifest[] {
  const source = context.component(connection.source);
  const target = context.component(connection.target);
  if (source.kind === "queue") return [];
  if (target.kind === "observability") {
    if (!context.runsPods(source)) return [];
    const namespace = context.namespaceOf(source);
    return [
      policy(context, namespace, name, {
        podSelector: { matchLabels: selector(context, source) },
        policyTypes: ["Ingress"],
        ingress: [{ from: [namespaceSelector(MONITORING_NAMESPACE)], ports: tcp(context.port(source) as number) }],
      }),
    ];
  }
  if (context.runsPods(target)) {
    const namespace = context.namespaceOf(target);
    const from = context.runsPods(source) ? podPeer(context, source, namespace) : context.arrivesFromEdge(connection) ? edgePeer(context, source) : undefined;
    if (!from) return [];
    return [
      policy(context, namespace, name, {
        podSelector: { matchLabels: selector(context, target) },
        policyTypes: ["Ingress"],
        ingress: [{ from: [from], ports: tcp(context.port(target) as number) }],
      }),
    ];
  }
  const pods = context.runsPods(source) ? context.answeringPods(target) : [];
  const namespaces = [...new Set(pods.map((pod) => context.namespaceOf(pod)))];
  return namespaces.map((namespace) => {
    const inNamespace = pods.filter((pod) => context.namespaceOf(pod) === namespace);
    return policy(context, namespace, name, {
      podSelector: { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: inNamespace.map((pod) => context.name(pod)) }] },
      policyTypes: ["Ingress"],
      ingress: [{ from: [podPeer(context, source, namespace)], ports: [...new Set(inNamespace.map((pod) => context.port(pod) as number))].flatMap(tcp) }],
    });
  });
}

/** Where a pod's calls go: other pods by label, managed data stores inside the VPC, AWS APIs over HTTPS. */
function egressPolicy(context: KubernetesContext, source: Component): Manifest[] {
  const namespace = context.namespaceOf(source);
  const rules: Record<string, unknown>[] = [];
  let awsApis = false;
  for (const connection of context.callsFrom(source.id)) {
    const target = context.component(connection.target);
    const pods = context.answeringPods(target);
    if (pods.length > 0) {
      for (const pod of pods) rules.push({ to: [podPeer(context, pod, namespace)], ports: tcp(context.port(pod) as number) });
      continue;
    }
    switch (target.kind) {
      case "database":
      case "cache":
        if (!context.runsInCluster(target)) rules.push({ to: [{ ipBlock: { cidr: context.vpcCidr() } }], ports: tcp(target.config.port) });
        break;
      case "nosql-database":
        if (target.config.engine === "dynamodb") awsApis = true;
        else rules.push({ to: [{ ipBlock: { cidr: context.vpcCidr() } }], ports: tcp(target.config.port) });
        break;
      case "queue":
        if (target.config.engine === "sqs") awsApis = true;
        else rules.push({ to: [{ ipBlock: { cidr: context.vpcCidr() } }], ports: tcp(target.config.engine === "kafka" ? 9098 : 5671) });
        break;
      case "object-storage":
      case "secrets-manager":
      case "observability":
        awsApis = true;
        break;
      default:
        break;
    }
  }
  const consumesSqs = context.callsInto(source.id).some((connection) => {
    const queue = context.component(connection.source);
    return queue.kind === "queue" && queue.config.engine === "sqs";
  });
  if (awsApis || consumesSqs) rules.push({ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: tcp(443) });
  if (rules.length === 0) return [];
  return [
    policy(context, namespace, dnsLabel("egress", context.name(source)), {
      podSelector: { matchLabels: selector(context, source) },
      policyTypes: ["Egress"],
      egress: rules,
    }),
  ];
}

/**
 * NetworkPolicies as in 001 "Complete Deployment (FastAPI + PostgreSQL + Ingress)": each namespace denies
 * all traffic by default and allows DNS lookups; each connection into pods gets its own ingress allow on
 * the target's port; each pod that calls out gets one egress policy listing where it may go.
 */
export function networkPolicyManifests(context: KubernetesContext): Manifest[] {
  const manifests: Manifest[] = [];
  for (const namespace of context.namespaces()) {
    manifests.push(policy(context, namespace, "default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }));
    manifests.push(
      policy(context, namespace, "default-allow-dns", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ ...namespaceSelector("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      }),
    );
  }
  const allowNames = allowPolicyNames(context);
  for (const connection of context.design.connections) manifests.push(...connectionPolicies(context, connection, allowNames.get(connection.id) as string));
  for (const component of context.design.components) {
    if (context.runsPods(component)) manifests.push(...egressPolicy(context, component));
  }
  return manifests;
}
