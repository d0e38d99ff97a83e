import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Design } from "../../model";
import { kubernetesImporter } from "./index";

function deployment(name: string, namespace: string, image: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ...extra }] } } },
  };
}

function service(name: string, namespace: string, type?: string, annotations?: Record<string, string>) {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace, ...(annotations ? { annotations } : {}) }, spec: { ...(type ? { type } : {}), selector: { app: name }, ports: [{ port: type === "LoadBalancer" ? 443 : 80 }] } };
}

function read(objects: Record<string, unknown>[]): Design {
  return kubernetesImporter.read([{ path: "all.yaml", text: objects.map((object) => stringify(object)).join("---\n") }], {}).design;
}

function calls(design: Design): string[] {
  const names = new Map(design.components.map((candidate) => [candidate.id, `${candidate.kind} ${candidate.name}`]));
  return design.connections.map((connection) => `${names.get(connection.source)} -> ${names.get(connection.target)}`).sort();
}

describe("Kubernetes entries, cross-namespace policies and queue consumers", () => {
  const design = read([
    deployment("gateway", "edge", "registry.example.com/gateway:1", { ports: [{ containerPort: 8443 }] }),
    service("gateway", "edge", "LoadBalancer"),
    deployment("billing", "payments", "registry.example.com/billing:1", { ports: [{ containerPort: 8080 }], env: [{ name: "BROKER_URL", value: "amqp://rabbit.payments.svc.cluster.local:5672" }] }),
    service("billing", "payments"),
    deployment("rabbit", "payments", "rabbitmq:3.13", { ports: [{ containerPort: 5672 }] }),
    service("rabbit", "payments"),
    deployment("receipts", "payments", "registry.example.com/receipts:1", { env: [{ name: "BROKER_HOST", value: "rabbit" }] }),
    deployment("admin", "ops", "registry.example.com/admin:1", { ports: [{ containerPort: 9000 }] }),
    service("admin", "ops", "LoadBalancer", { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" }),
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "billing-from-gateway", namespace: "payments" },
      spec: {
        podSelector: { matchLabels: { app: "billing" } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "edge" } }, podSelector: { matchLabels: { app: "gateway" } } }] }],
      },
    },
  ]);

  it("makes LoadBalancer Services load balancers, and lets Users reach only the internet-facing ones", () => {
    expect(design.components.filter((candidate) => candidate.kind === "load-balancer").map((candidate) => `${candidate.name} ${(candidate.config as { scheme: string }).scheme}`).sort()).toEqual(["admin internal", "gateway internet-facing"]);
    expect(calls(design)).toEqual([
      "client Users -> load-balancer gateway",
      "load-balancer admin -> service admin",
      "load-balancer gateway -> service gateway",
      "queue rabbit -> worker receipts",
      "service billing -> queue rabbit",
      "service gateway -> service billing",
    ]);
  });

  it("takes a kind from the image, and a pod without ports or a Service for a worker", () => {
    const kinds = Object.fromEntries(design.components.filter((candidate) => candidate.kind !== "load-balancer").map((candidate) => [candidate.name, candidate.kind]));
    expect(kinds).toMatchObject({ rabbit: "queue", receipts: "worker", billing: "service", gateway: "service", Users: "client" });
    expect(design.zones.map((zone) => zone.name).sort()).toEqual(["edge", "ops", "payments"]);
  });
});
