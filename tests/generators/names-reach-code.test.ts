import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateAll } from "@/lib/generators";
import { starterRepoFiles } from "@/lib/generators/starter-repo";
import type { Design } from "@/lib/model";
import { findTemplate } from "@/lib/templates";

/** The event-driven template with its order service (id `order-service`) renamed the way the Inspector renames it. */
function renamedDesign(name: string): Design {
  const template = findTemplate("event-driven-orders");
  if (!template) throw new Error("The event-driven-orders template is missing");
  return { ...template.design, components: template.design.components.map((component) => (component.id === "order-service" ? { ...component, name } : component)) };
}

function everyFile(design: Design) {
  return [...generateAll(design), ...starterRepoFiles(design, { archwayVersion: "test" }).map((file) => ({ path: `starter/${file.path}`, contents: file.contents }))];
}

/**
 * Where the old name may still stand after a rename: the component id as a trace back to the design (Kubernetes
 * annotations, `(order-service)` in comments, design.ts and the README's "component `order-service`"), Mermaid node ids,
 * and the architecture document's id column and connection ids.
 */
const TRACE = [/archway\.dev\/component-id: order-service$/, /\(order-service\)/, /^\s*id: "order-service",$/, /component `order-service`/, /\bc_order_service\b/, /^\| `[a-z-]*order-service[a-z-]*` \|/];

describe("a renamed component renames the generated code", () => {
  const files = everyFile(renamedDesign("Orders API"));
  const byPath = new Map(files.map((file) => [file.path, file.contents]));

  it("moves folders, packages and manifests to the new name and leaves no path with the old one", () => {
    const paths = files.map((file) => file.path);
    expect(paths).toContain("typescript/services/orders-api/package.json");
    expect(paths).toContain("starter/services/orders-api/package.json");
    expect(paths.some((path) => /^kubernetes\/[^/]+\/components\/orders-api\/deployment\.yaml$/.test(path))).toBe(true);
    expect(paths.filter((path) => /order.service/.test(path))).toEqual([]);
    expect(JSON.parse(byPath.get("typescript/services/orders-api/package.json") ?? "{}").name).toBe("@services/orders-api");
  });

  it("writes the new name into every target's identifiers, and the old one only where it traces back to the design", () => {
    const all = files.map((file) => file.contents).join("\n");
    expect(all).toMatch(/resource "aws_ecs_service" "orders_api"/);
    expect(all).toContain("@services/orders-api");
    expect(all.replace(/\bc_order_service\b/g, "")).not.toContain("order_service");
    expect(all).not.toContain("ORDER_SERVICE");
    const leftovers = files.flatMap((file) =>
      file.contents
        .split("\n")
        .filter((line) => line.includes("order-service") && !TRACE.some((pattern) => pattern.test(line)))
        .map((line) => `${file.path}: ${line.trim()}`),
    );
    expect(leftovers).toEqual([]);
  });

  it("keeps peers, selectors, backends and Compose pointing at the renamed component", () => {
    const kubernetes = files.filter((file) => file.path.startsWith("kubernetes/") && file.path.endsWith(".yaml")).map((file) => parse(file.contents) as Record<string, any>);
    const service = kubernetes.find((object) => object.kind === "Service" && object.metadata.name === "orders-api");
    expect(service?.spec.selector).toEqual({ "app.kubernetes.io/name": "orders-api" });
    const policies = kubernetes.filter((object) => object.kind === "NetworkPolicy");
    expect(policies.some((policy) => policy.metadata.name === "egress-orders-api" && policy.spec.podSelector.matchLabels["app.kubernetes.io/name"] === "orders-api")).toBe(true);
    expect(policies.some((policy) => policy.metadata.name === "allow-api-gateway-orders-api")).toBe(true);

    const compose = parse(byPath.get("starter/docker-compose.yml") ?? "") as { services: Record<string, any> };
    expect(compose.services["orders-api"].build.context).toBe("./services/orders-api");
    expect(compose.services["orders-api"].image).toMatch(/\/orders-api:dev$/);
    expect(Object.keys(compose.services["orders-api"].depends_on)).toContain("orders-database-postgresql");

    const terraform = [...byPath].filter(([path]) => path.startsWith("terraform/")).map(([, contents]) => contents).join("\n");
    expect(terraform).toContain("aws_security_group.orders_api.id");
    expect(terraform).toMatch(/Name\s+= "[a-z0-9-]+-orders-api-sg"/);
  });

  it("lists each component's name, kind and paths in the starter README", () => {
    const readme = byPath.get("starter/README.md") ?? "";
    const row = readme.split("\n").find((line) => line.startsWith("| Orders API | Service |"));
    expect(row).toContain("`services/orders-api/`");
    expect(row).toMatch(/`deploy\/k8s\/base\/[^`]+\/components\/orders-api\/`/);
    expect(row).toContain("`aws_ecs_service.orders_api`");
  });

  it("renames everything again on the next rename, the same way every time", () => {
    const again = everyFile(renamedDesign("Checkout"));
    expect(again.map((file) => file.path)).toContain("typescript/services/checkout/package.json");
    expect(again.some((file) => file.contents.includes("orders-api") || file.contents.includes("orders_api"))).toBe(false);
    expect(everyFile(renamedDesign("Orders API"))).toEqual(files);
  });
});
