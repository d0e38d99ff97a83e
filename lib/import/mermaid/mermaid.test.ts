import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import type { Design } from "@/lib/model";
import { TEMPLATES } from "@/lib/templates";
import { detectFormat, importFiles, ImportError } from "../index";

function summary(design: Design) {
  const names = new Map(design.components.map((component) => [component.id, component.name]));
  return {
    components: design.components.map((component) => `${component.kind}:${component.name}`).sort(),
    connections: design.connections.map((connection) => `${names.get(connection.source)}>${names.get(connection.target)}:${connection.protocol}:${connection.timeoutMs ?? "-"}`).sort(),
    zones: design.zones.map((zone) => `${zone.kind}:${zone.name}:${zone.cidr ?? ""}:${zone.code ?? ""}`).sort(),
  };
}

function flowchartOf(design: Design): string {
  const file = generate(design, "mermaid").find((candidate) => candidate.path.endsWith("flowchart.mmd") || candidate.contents.startsWith("flowchart"));
  if (!file) throw new Error("no flowchart file");
  return file.contents;
}

describe("Mermaid import", () => {
  it("reads back Archway's own flowchart of every template: the same components, connections and zones", () => {
    for (const template of TEMPLATES) {
      const text = flowchartOf(template.design);
      const { design } = importFiles([{ path: "architecture.mmd", text }]);
      expect(summary(design), template.id).toEqual(summary(template.design));
    }
  });

  it("reads a hand-written diagram by shapes and words, with chains, groups and labels", () => {
    const text = [
      "graph TD",
      "  U([Customers]) --> CF{{CloudFront}}",
      "  CF --> ALB[Public ALB] --> A[Orders API] & B[Billing API]",
      "  A -->|reads| R[(Redis)]",
      "  A -- writes --> DB[(Orders DB)]",
      "  A -.-> Q>Order events]",
      "  Q -.-> W(Email worker)",
      "  subgraph vpc [Main VPC]",
      "    subgraph priv [Private subnet A]",
      "      A",
      "    end",
      "  end",
      "  classDef hot fill:#f00",
      "  this is not mermaid",
    ].join("\n");
    expect(detectFormat([{ path: "notes.md", text }])).toBe("mermaid");
    const { design, unmapped } = importFiles([{ path: "diagram.mmd", text }]);
    expect(summary(design).components).toEqual(
      ["client:Customers", "cdn:CloudFront", "load-balancer:Public ALB", "service:Orders API", "service:Billing API", "cache:Redis", "database:Orders DB", "queue:Order events", "worker:Email worker"].sort(),
    );
    const orders = design.components.find((component) => component.name === "Orders API")!;
    expect(design.zones.find((zone) => zone.id === orders.zoneId)).toMatchObject({ kind: "private-subnet", name: "Private subnet A" });
    const byName = new Map(design.components.map((component) => [component.id, component.name]));
    const edge = (source: string, target: string) => design.connections.find((connection) => byName.get(connection.source) === source && byName.get(connection.target) === target);
    expect(edge("Public ALB", "Billing API")).toBeDefined();
    expect(edge("Orders API", "Redis")?.label).toBe("reads");
    expect(edge("Orders API", "Orders DB")?.label).toBe("writes");
    expect(edge("Orders API", "Order events")?.protocol).toBe("async");
    expect(unmapped).toEqual([
      { file: "diagram.mmd", item: "1 styling line (classDef, class, style, click)", reason: "Colours and links are not part of a design" },
      { file: "diagram.mmd", line: 14, item: "this is not mermaid", reason: "Not a flowchart statement Archway reads" },
    ]);
  });

  it("keeps the nodes of a subgraph that is not a zone, and says so", () => {
    const { design, unmapped } = importFiles([{ path: "d.mmd", text: "flowchart LR\n  subgraph Team Payments\n    P[Payments API]\n  end\n" }]);
    expect(design.components).toHaveLength(1);
    expect(design.components[0].zoneId).toBeUndefined();
    expect(unmapped[0]).toMatchObject({ line: 2, item: "subgraph Team Payments" });
  });

  it("refuses files without a flowchart", () => {
    expect(() => importFiles([{ path: "x.mmd", text: "sequenceDiagram\n  A->>B: hi\n" }], { from: "mermaid" })).toThrow(ImportError);
  });
});
