import { describe, expect, it } from "vitest";
import { DesignSchema } from "@/lib/model";
import { component, designOf, layeredDesign, zone } from "@/tests/helpers/canvas-designs";
import { connectCommand, connectionRefusal } from "./connect";

describe("connectCommand", () => {
  it("adds a connection with the catalog protocol and a timeout shorter than the caller's", () => {
    const design = designOf({ components: [component("lb", "load-balancer", 0, 0), component("api", "service", 300, 0), component("db", "database", 600, 0)], links: [["lb", "api"]] });
    const result = connectCommand("api", "db").run(design);
    const added = result.design.connections.at(-1);
    expect(added).toMatchObject({ source: "api", target: "db", protocol: "tcp", timeoutMs: 55_000 });
    expect(result.selection?.connectionIds).toEqual([added?.id]);
    expect(DesignSchema.safeParse(result.design).success).toBe(true);
  });

  it("refuses a connection the catalog does not allow, with the catalog's reason", () => {
    const design = layeredDesign();
    const result = connectCommand("client", "db").run(design);
    expect(result.design).toBe(design);
    expect(result.refused).toMatch(/^Client cannot connect to Database: Database accepts connections only from Service, Worker\./);
  });

  it("refuses self-loops, duplicates and zones", () => {
    const design = designOf({ components: [component("api", "service", 0, 0), component("db", "database", 300, 0)], zones: [zone("vpc", "vpc", 0, 0, 400, 400)], links: [["api", "db"]] });
    expect(connectionRefusal(design, "api", "api")).toBe("api cannot connect to itself.");
    expect(connectionRefusal(design, "api", "db")).toBe("api is already connected to db.");
    expect(connectionRefusal(design, "api", "vpc")).toMatch(/zones cannot be connected/);
    expect(connectionRefusal(design, "db", "api")).toMatch(/Database cannot connect to Service/);
  });
});
