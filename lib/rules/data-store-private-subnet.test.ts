import { describe, expect, test } from "vitest";
import { dataStorePrivateSubnet as rule } from "./data-store-private-subnet";
import { changedIds, compliantStack, componentIn, designBuilder, findingIds, fixFinding } from "@/tests/helpers/design-builder";

const zoned = designBuilder()
  .zone("vpc", "vpc", { cidr: "10.0.0.0/16", position: { x: 100, y: 100 }, size: { width: 1200, height: 800 } })
  .zone("availability-zone", "az-a", { parent: "vpc", position: { x: 20, y: 20 }, size: { width: 600, height: 700 } })
  .zone("public-subnet", "public-a", { parent: "az-a", name: "Public A", position: { x: 10, y: 10 }, size: { width: 500, height: 200 } })
  .zone("private-subnet", "private-a", { parent: "az-a", position: { x: 10, y: 300 }, size: { width: 500, height: 300 } })
  .component("database", "db-fail", { name: "Orders DB", zone: "public-a", position: { x: 40, y: 40 } })
  .component("cache", "cache-pass", { zone: "private-a" })
  .component("nosql-database", "dynamo-pass", { config: { engine: "dynamodb" } })
  .component("nosql-database", "mongo-fail", { name: "Profiles", config: { engine: "mongodb" } })
  .component("object-storage", "bucket-pass")
  .build();

describe("data-store-private-subnet", () => {
  test("flags data stores in a public subnet or outside any subnet; regional services are exempt", () => {
    expect(findingIds(rule, zoned)).toEqual(["data-store-private-subnet:db-fail", "data-store-private-subnet:mongo-fail"]);
    expect(rule.check(zoned).map((finding) => finding.message)).toEqual([
      "Orders DB sits in the public subnet Public A, which has a route to the internet.",
      "Profiles is not placed in a private subnet.",
    ]);
    expect(findingIds(rule, compliantStack().build())).toEqual([]);
  });

  test("fix moves the database into the private subnet of its own availability zone", () => {
    const fixed = fixFinding(rule, zoned, "data-store-private-subnet:db-fail");
    expect(changedIds(zoned, fixed)).toEqual(["~component:db-fail"]);
    expect(componentIn(fixed, "db-fail")).toMatchObject({ zoneId: "private-a", position: { x: 24, y: 48 } });
  });

  test("fix keeps the canvas position when the component already lies inside the subnet", () => {
    const inside = designBuilder()
      .zone("vpc", "vpc", { size: { width: 1000, height: 1000 } })
      .zone("private-subnet", "data", { parent: "vpc", position: { x: 100, y: 100 }, size: { width: 400, height: 400 } })
      .component("database", "db-fail", { zone: "vpc", position: { x: 150, y: 200 } })
      .build();
    const fixed = fixFinding(rule, inside, "data-store-private-subnet:db-fail");
    expect(componentIn(fixed, "db-fail")).toMatchObject({ zoneId: "data", position: { x: 50, y: 100 } });
  });

  test("fix creates a private subnet in the component's VPC when it has none", () => {
    const noSubnet = designBuilder()
      .zone("vpc", "vpc", { cidr: "10.0.0.0/16", position: { x: 100, y: 100 } })
      .component("database", "db-fail", { zone: "vpc", position: { x: 200, y: 150 } })
      .build();
    const fixed = fixFinding(rule, noSubnet, "data-store-private-subnet:db-fail");
    expect(changedIds(noSubnet, fixed)).toEqual(["+zone:private-subnet-1", "~component:db-fail"]);
    expect(fixed.zones.find((zone) => zone.id === "private-subnet-1")).toMatchObject({
      kind: "private-subnet",
      parentId: "vpc",
      cidr: "10.0.100.0/24",
      position: { x: 176, y: 102 },
    });
    expect(componentIn(fixed, "db-fail")).toMatchObject({ zoneId: "private-subnet-1", position: { x: 24, y: 48 } });
  });

  test("fix creates a VPC with a private subnet around a database drawn without zones", () => {
    const bare = designBuilder().component("database", "db-fail", { position: { x: 400, y: 300 } }).build();
    const fixed = fixFinding(rule, bare, "data-store-private-subnet:db-fail");
    expect(changedIds(bare, fixed)).toEqual(["+zone:private-subnet-1", "+zone:vpc-1", "~component:db-fail"]);
    expect(fixed.zones).toEqual([
      { id: "vpc-1", kind: "vpc", name: "VPC", position: { x: 352, y: 204 }, size: { width: 368, height: 296 }, cidr: "10.0.0.0/16" },
      {
        id: "private-subnet-1",
        kind: "private-subnet",
        name: "Private subnet",
        parentId: "vpc-1",
        position: { x: 24, y: 48 },
        size: { width: 320, height: 200 },
        cidr: "10.0.100.0/24",
      },
    ]);
    expect(componentIn(fixed, "db-fail")).toMatchObject({ zoneId: "private-subnet-1", position: { x: 24, y: 48 } });
  });
});
