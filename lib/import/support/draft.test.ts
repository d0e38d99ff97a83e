import { describe, expect, it } from "vitest";
import { ImportError } from "../types";
import { DesignDraft } from "./draft";

function shop(): DesignDraft {
  const draft = new DesignDraft("Shop");
  draft.addZone({ key: "vpc", kind: "vpc", name: "Main VPC", cidr: "10.0.0.0/16" });
  draft.addZone({ key: "private-a", kind: "private-subnet", name: "Private A", parentKey: "vpc" });
  draft.addComponent({ key: "users", kind: "client", name: "Users" });
  draft.addComponent({ key: "lb", kind: "load-balancer", name: "Public ALB", zoneKey: "vpc" });
  draft.addComponent({ key: "svc:orders", kind: "service", name: "Orders API", zoneKey: "private-a", config: { replicas: 3 } });
  draft.addComponent({ key: "db", kind: "database", name: "Orders DB", zoneKey: "private-a" });
  draft.addComponent({ key: "q", kind: "queue", name: "Orders queue" });
  draft.connect({ sourceKey: "users", targetKey: "lb" });
  draft.connect({ sourceKey: "lb", targetKey: "svc:orders", pathPrefix: "/orders" });
  draft.connect({ sourceKey: "lb", targetKey: "svc:orders" });
  draft.connect({ sourceKey: "svc:orders", targetKey: "db" });
  draft.connect({ sourceKey: "svc:orders", targetKey: "q" });
  draft.connect({ sourceKey: "svc:orders", targetKey: "svc:orders" });
  draft.connect({ sourceKey: "svc:orders", targetKey: "nowhere" });
  draft.unmapped({ file: "b.tf", line: 9, item: "aws_lambda_permission.x", reason: "not a component" });
  draft.unmapped({ file: "a.tf", item: "module.vpc", reason: "modules are not fetched" });
  return draft;
}

describe("DesignDraft", () => {
  it("builds a valid design with ids from names, settings over the defaults and one connection per pair", () => {
    const { design, unmapped } = shop().build();
    expect(design.components.map((component) => component.id)).toEqual(["users", "public-alb", "orders-api", "orders-db", "orders-queue"]);
    const orders = design.components.find((component) => component.id === "orders-api")!;
    expect(orders.kind === "service" && orders.config.replicas).toBe(3);
    expect(orders.zoneId).toBe("private-a");
    expect(design.zones.find((zone) => zone.id === "private-a")?.parentId).toBe("main-vpc");
    expect(design.connections.map((connection) => `${connection.source}>${connection.target}`)).toEqual([
      "users>public-alb",
      "public-alb>orders-api",
      "orders-api>orders-db",
      "orders-api>orders-queue",
    ]);
    expect(design.connections[1].pathPrefix).toBe("/orders");
    expect(unmapped.map((item) => item.file)).toEqual(["a.tf", "b.tf"]);
    expect(design.description).toContain("2 items were not mapped");
    expect(design.annotations).toEqual([
      expect.objectContaining({ id: "not-mapped-on-import", kind: "note", text: "Not mapped on import:\n• a.tf module.vpc: modules are not fetched\n• b.tf:9 aws_lambda_permission.x: not a component" }),
    ]);
  });

  it("gives timeouts that shrink along the chain and none to asynchronous hops", () => {
    const { design } = shop().build();
    const timeout = (source: string, target: string) => design.connections.find((connection) => connection.source === source && connection.target === target)?.timeoutMs;
    expect([timeout("users", "public-alb"), timeout("public-alb", "orders-api"), timeout("orders-api", "orders-db")]).toEqual([60_000, 55_000, 50_000]);
    expect(timeout("orders-api", "orders-queue")).toBeUndefined();
  });

  it("lays the design out as the editor does: every component inside its zone, zones inside their parents, nothing on top of anything", () => {
    const { design } = shop().build();
    const zone = (id: string) => design.zones.find((candidate) => candidate.id === id)!;
    for (const component of design.components.filter((candidate) => candidate.zoneId !== undefined)) {
      const { size } = zone(component.zoneId!);
      expect(component.position.x + 188).toBeLessThanOrEqual(size.width);
      expect(component.position.y + 56).toBeLessThanOrEqual(size.height);
    }
    const vpc = zone("main-vpc");
    const subnet = zone("private-a");
    expect(subnet.position.x + subnet.size.width).toBeLessThanOrEqual(vpc.size.width);
    expect(subnet.position.y + subnet.size.height).toBeLessThanOrEqual(vpc.size.height);
    const inVpc = design.components.find((component) => component.id === "public-alb")!;
    const apart =
      inVpc.position.x + 188 <= subnet.position.x ||
      subnet.position.x + subnet.size.width <= inVpc.position.x ||
      inVpc.position.y + 56 <= subnet.position.y ||
      subnet.position.y + subnet.size.height <= inVpc.position.y;
    expect(apart, "the VPC's own card sits clear of the subnet beside it").toBe(true);
  });

  it("is deterministic, and refuses to build nothing", () => {
    expect(shop().build()).toEqual(shop().build());
    expect(() => new DesignDraft("Empty").build()).toThrow(ImportError);
  });
});
