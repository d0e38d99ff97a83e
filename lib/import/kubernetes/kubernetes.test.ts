import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { callsByName, componentNamed } from "@/tests/helpers/imported-design";
import { detectFormat, importFiles } from "../index";
import { kubernetesImporter } from "./index";

const SHOP = join(__dirname, "../../../tests/fixtures/import/kubernetes/shop");
const shopFiles = () => readdirSync(SHOP).sort().map((file) => ({ path: `shop/${file}`, text: readFileSync(join(SHOP, file), "utf8") }));

describe("Kubernetes importer on a multi-service shop", () => {
  const result = kubernetesImporter.read(shopFiles(), { name: "Shop" });
  const design = result.design;

  it("detects the manifests and reads them through the registry", () => {
    expect(detectFormat(shopFiles())).toBe("kubernetes");
    expect(importFiles(shopFiles()).format).toBe("kubernetes");
  });

  it("gives each workload a kind from its image or its ports", () => {
    expect(design.components.map((candidate) => `${candidate.kind} ${candidate.name}`).sort()).toEqual([
      "cache redis-cart",
      "client Users",
      "database orders-db",
      "reverse-proxy shop",
      "service cart",
      "service catalog",
      "service checkout",
      "service storefront",
      "worker email-sender",
    ]);
    expect(componentNamed(design, "orders-db").config).toMatchObject({ engine: "postgres", engineVersion: "16.3", port: 5432 });
    expect(componentNamed(design, "redis-cart").config).toMatchObject({ engine: "redis", engineVersion: "7.2", port: 6379 });
  });

  it("connects services found through *_SERVICE_ADDR, *_HOST, ConfigMaps, Secrets, Ingress paths and NetworkPolicies", () => {
    expect(callsByName(design)).toEqual([
      "Users -> shop",
      "cart -> redis-cart",
      "catalog -> orders-db",
      "checkout -> cart",
      "checkout -> orders-db",
      "email-sender -> orders-db",
      "shop -> cart /api/cart",
      "shop -> storefront",
      "storefront -> cart",
      "storefront -> catalog",
      "storefront -> checkout",
    ]);
  });

  it("takes port, replicas, probes, resources, zone spread and HPA bounds as settings", () => {
    expect(componentNamed(design, "storefront").config).toMatchObject({
      port: 8080,
      replicas: 3,
      spreadAcrossZones: true,
      probes: { livenessPath: "/healthz", readinessPath: "/readyz", periodSeconds: 15, failureThreshold: 4 },
      resources: { cpuRequest: "200m", memoryRequest: "256Mi", cpuLimit: "1", memoryLimit: "512Mi" },
      autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 12, cpuTargetPercent: 65 },
    });
    expect(componentNamed(design, "cart").config).toMatchObject({ port: 7070, spreadAcrossZones: false, autoscaling: { enabled: false } });
    expect(componentNamed(design, "shop").config).toMatchObject({ ingressClass: "nginx", host: "shop.example.com", tls: true, certManagerIssuer: "letsencrypt-prod", rateLimitPerSecond: 50 });
  });

  it("places everything but the users in the namespace zone", () => {
    expect(design.zones.map((zone) => `${zone.kind} ${zone.name}`)).toEqual(["k8s-namespace shop"]);
    const zoneId = design.zones[0].id;
    expect(design.components.filter((candidate) => candidate.zoneId !== zoneId).map((candidate) => candidate.name)).toEqual(["Users"]);
  });

  it("lists what it did not map with file, line and reason, and notes it in the description", () => {
    expect(result.unmapped.map((item) => `${item.file}:${item.line} ${item.item}`)).toEqual([
      "shop/data.yaml:61 Secret/shop/orders-db-credentials",
      "shop/edge.yaml:40 PodDisruptionBudget/shop/storefront",
      "shop/edge.yaml:63 NetworkPolicy/shop/default-deny",
    ]);
    expect(result.unmapped.every((item) => item.reason.length > 0)).toBe(true);
    expect(design.description).toContain("3 items were not mapped");
  });

  it("gives the same design whatever order the files come in", () => {
    const again = kubernetesImporter.read([...shopFiles()].reverse(), { name: "Shop" });
    expect(again).toEqual(result);
  });

  it("reads List kinds and JSON", () => {
    const list = {
      apiVersion: "v1",
      kind: "List",
      items: [
        { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "api" }, spec: { template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "api", image: "api:1", ports: [{ containerPort: 9000 }] }] } } } },
        { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "queue" }, spec: { template: { metadata: { labels: { app: "queue" } }, spec: { containers: [{ name: "mq", image: "rabbitmq:3.13-management" }] } } } },
      ],
    };
    const files = [{ path: "list.json", text: JSON.stringify(list) }];
    expect(detectFormat(files)).toBe("kubernetes");
    const imported = kubernetesImporter.read(files, {}).design;
    expect(imported.components.map((candidate) => `${candidate.kind} ${candidate.name}`)).toEqual(["service api", "queue queue"]);
    expect(componentNamed(imported, "queue").config).toMatchObject({ engine: "rabbitmq" });
    expect(imported.zones.map((zone) => zone.name)).toEqual(["default"]);
  });

  it("does not take a docker-compose file for manifests", () => {
    expect(kubernetesImporter.detect([{ path: "compose.yaml", text: "services:\n  web:\n    image: nginx\n" }])).toBe(false);
  });
});
