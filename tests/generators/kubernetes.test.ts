import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { ingressPath } from "@/lib/generators/kubernetes/ingress";
import { parseDesign, type Design } from "@/lib/model";
import { fixtureDesigns } from "./support/designs";
import { checkKubernetes, type KubernetesDocument } from "./support/kubernetes-schema";

type Json = Record<string, any>;

const fixtures = fixtureDesigns();
const documentsOf = (name: string): KubernetesDocument[] => {
  const { design } = fixtures.find((fixture) => fixture.name === name) as { design: Design };
  return checkKubernetes(generate(design, "kubernetes")).documents;
};
const find = (documents: KubernetesDocument[], kind: string, name: string, namespace?: string): Json =>
  documents.find(
    (document) =>
      document.object.kind === kind &&
      (document.object.metadata as Json).name === name &&
      (namespace === undefined || (document.object.metadata as Json).namespace === namespace),
  )?.object as Json;

describe("kubernetes generator", () => {
  it.each(fixtures.map((fixture) => fixture.name))("%s: every document validates against the strict Kubernetes 1.36 schemas", (name) => {
    const { design } = fixtures.find((fixture) => fixture.name === name) as { design: Design };
    const files = generate(design, "kubernetes");
    const { documents, problems } = checkKubernetes(files);
    expect(problems).toEqual([]);
    expect(documents.length).toBe(files.filter((file) => file.path.endsWith(".yaml")).length);
  });

  it("hardens every Deployment and takes probes, resources and spread from the design", () => {
    const documents = documentsOf("ingress-namespace");
    const deployment = find(documents, "Deployment", "fastapi-users-mullers", "production");
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    expect(pod.securityContext).toEqual(expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } }));
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } });
    expect(container.livenessProbe.httpGet).toEqual({ path: "/health", port: "http" });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/ready", port: "http" });
    expect(container.resources).toEqual({ requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1000m", memory: "2Gi" } });
    expect(container.ports).toEqual([{ name: "http", containerPort: 8000, protocol: "TCP" }]);
    expect(pod.topologySpreadConstraints[0]).toEqual(expect.objectContaining({ topologyKey: "topology.kubernetes.io/zone", maxSkew: 1 }));
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it("gives each workload a Service, an autoscaling/v2 HPA and a PodDisruptionBudget", () => {
    const documents = documentsOf("api-gateway-ecs");
    for (const name of ["auth", "finance", "report-builder"]) {
      expect(find(documents, "Service", name)).toBeDefined();
      expect(find(documents, "PodDisruptionBudget", name).spec.maxUnavailable).toBe(1);
      const hpa = find(documents, "HorizontalPodAutoscaler", name);
      expect(hpa.apiVersion).toBe("autoscaling/v2");
      expect(hpa.spec).toEqual(expect.objectContaining({ minReplicas: 2, maxReplicas: 10, scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name } }));
      expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
    }
    expect(find(documents, "Service", "report-builder").spec.ports[0].port).toBe(8080);
  });

  it("leaves the replicas of every autoscaled Deployment to its HPA, so an apply never resets the scale", () => {
    const mixed = parseDesign({
      schemaVersion: 1,
      name: "Mixed scaling",
      components: [
        { id: "api", kind: "service", name: "API", position: { x: 0, y: 0 } },
        { id: "mailer", kind: "worker", name: "Mailer", position: { x: 0, y: 200 }, config: { replicas: 3, autoscaling: { enabled: false } } },
      ],
    });
    if (!mixed.success) throw new Error(JSON.stringify(mixed.issues));
    const designs = [...fixtures.map((fixture) => fixture.design), mixed.design];
    let autoscaled = 0;
    for (const design of designs) {
      const { documents, problems } = checkKubernetes(generate(design, "kubernetes"));
      expect(problems).toEqual([]);
      for (const hpa of documents.filter((document) => document.object.kind === "HorizontalPodAutoscaler").map((document) => document.object as Json)) {
        const deployment = find(documents, hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name, hpa.metadata.namespace);
        expect(deployment, `${design.name}: ${hpa.metadata.name}`).toBeDefined();
        expect(deployment.spec, `${design.name}: ${hpa.metadata.name}`).not.toHaveProperty("replicas");
        autoscaled += 1;
      }
    }
    expect(autoscaled).toBeGreaterThan(designs.length);
    const documents = checkKubernetes(generate(mixed.design, "kubernetes")).documents;
    expect(find(documents, "HorizontalPodAutoscaler", "mailer")).toBeUndefined();
    expect(find(documents, "Deployment", "mailer").spec.replicas).toBe(3);
  });

  it("routes the reverse proxy's paths through a TLS Ingress issued by cert-manager (001)", () => {
    const ingress = find(documentsOf("ingress-namespace"), "Ingress", "nginx-ingress-controller", "production");
    expect(ingress.metadata.annotations["cert-manager.io/cluster-issuer"]).toBe("letsencrypt-prod");
    expect(ingress.spec.ingressClassName).toBe("nginx");
    expect(ingress.spec.tls).toEqual([{ hosts: ["api.example.com"], secretName: "nginx-ingress-controller-tls" }]);
    expect(ingress.spec.rules[0].http.paths).toEqual([{ path: "/users", pathType: "Prefix", backend: { service: { name: "fastapi-users-mullers", port: { number: 8000 } } } }]);
  });

  it("opens an edge Ingress on the DNS name when services are reached from the edge without a proxy", () => {
    const ingress = find(documentsOf("eks-web-app"), "Ingress", "edge");
    expect(ingress.spec.rules[0].host).toBe("shop.example.com");
    expect(ingress.spec.rules[0].http.paths.map((path: Json) => path.path)).toEqual(["/", "/api"]);
    expect(ingressPath("/api/*")).toBe("/api");
    expect(ingressPath("/auth/{proxy+}")).toBe("/auth");
    expect(ingressPath("/*")).toBe("/");
  });

  it("denies by default and allows exactly the design's connections (001)", () => {
    const documents = documentsOf("ingress-namespace");
    const policies = documents.filter((document) => document.object.kind === "NetworkPolicy").map((document) => document.object as Json);
    expect(find(documents, "NetworkPolicy", "default-deny", "production").spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    const intoPostgres = policies.filter((policy) => policy.spec.podSelector.matchLabels?.["app.kubernetes.io/name"] === "postgresql-primary");
    expect(intoPostgres).toHaveLength(1);
    expect(intoPostgres[0].spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "fastapi-users-mullers" } } }], ports: [{ protocol: "TCP", port: 5432 }] }]);
    const fromIngress = find(documents, "NetworkPolicy", "allow-nginx-ingress-controller-fastapi-users-mullers", "production");
    expect(fromIngress.spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }]);
    const egress = find(documents, "NetworkPolicy", "egress-fastapi-users-mullers", "production");
    expect(egress.spec.egress.map((rule: Json) => rule.ports[0].port).sort()).toEqual([5432, 6379]);
  });

  it("runs in-namespace data stores as StatefulSets behind headless Services", () => {
    const documents = documentsOf("ingress-namespace");
    const statefulSet = find(documents, "StatefulSet", "postgresql-primary", "production");
    expect(statefulSet.spec.serviceName).toBe("postgresql-primary");
    expect(statefulSet.spec.template.spec.containers[0].image).toBe("postgres:16");
    expect(statefulSet.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe("20Gi");
    expect(find(documents, "Service", "postgresql-primary", "production").spec.clusterIP).toBe("None");
    expect(find(documents, "StatefulSet", "session-cache-etc", "production").spec.template.spec.containers[0].args).toContain("allkeys-lru");
  });

  it("references Secrets by name and never writes a secret value", () => {
    for (const { name } of fixtures) {
      const documents = documentsOf(name);
      expect(documents.filter((document) => document.object.kind === "Secret")).toEqual([]);
      const text = JSON.stringify(documents.map((document) => document.object));
      expect(text).not.toMatch(/"value":"[^"]*(password|secret)/i);
    }
    const deployment = find(documentsOf("ingress-namespace"), "Deployment", "fastapi-users-mullers");
    expect(deployment.spec.template.spec.containers[0].env).toEqual([
      { name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "postgresql-primary-credentials", key: "url" } } },
    ]);
  });

  it("names every object with a DNS-1123 label and keeps display names verbatim in annotations", () => {
    for (const { name, design } of fixtures) {
      for (const document of documentsOf(name)) {
        const metadata = document.object.metadata as Json;
        expect(metadata.name).toMatch(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
        const id = metadata.annotations?.["archway.dev/component-id"];
        if (id) expect(metadata.annotations["archway.dev/display-name"]).toBe(design.components.find((component) => component.id === id)?.name);
      }
    }
    expect(find(documentsOf("ingress-namespace"), "Service", "postgresql-primary").metadata.annotations["archway.dev/display-name"]).toBe("PostgreSQL\nprimary");
  });

  it("never puts a design's namespace into one the cluster owns", () => {
    const result = parseDesign({
      schemaVersion: 1,
      name: "Reserved",
      zones: [{ id: "ns", kind: "k8s-namespace", name: "kube-system", position: { x: 0, y: 0 }, size: { width: 100, height: 100 } }],
      components: [{ id: "api", kind: "service", name: "API", zoneId: "ns", position: { x: 0, y: 0 } }],
    });
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    const namespaces = checkKubernetes(generate(result.design, "kubernetes")).documents.map((document) => (document.object.metadata as Json).namespace ?? (document.object.metadata as Json).name);
    expect(new Set(namespaces)).toEqual(new Set(["kube-system-app"]));
  });

  it("creates a restricted namespace for every namespace it uses", () => {
    const documents = documentsOf("ingress-namespace");
    const namespaces = documents.filter((document) => document.object.kind === "Namespace").map((document) => document.object as Json);
    expect(namespaces.map((namespace) => namespace.metadata.name)).toEqual(["production"]);
    expect(namespaces[0].metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
  });
});
