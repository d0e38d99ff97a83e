import { ReactFlowProvider, type NodeProps } from "@xyflow/react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ComponentNode } from "@/components/nodes/ComponentNode";
import { ZoneNode } from "@/components/nodes/ZoneNode";
import type { ComponentFlowNode, ZoneFlowNode } from "@/lib/designer/to-flow";
import { designBuilder } from "@/tests/helpers/design-builder";

const design = designBuilder()
  .zone("vpc", "vpc", { name: "Main\u2066 VPC" })
  .component("service", "orders", { name: "Orders\u202esredro", zone: "vpc" })
  .build();

function nodeProps<T>(id: string, data: T): NodeProps {
  return { id, data, selected: false, type: "component", dragging: false, zIndex: 0, isConnectable: true, positionAbsoluteX: 0, positionAbsoluteY: 0, draggable: true, selectable: true, deletable: true } as unknown as NodeProps;
}

describe("names with bidirectional controls on the canvas", () => {
  it("show each control as a visible marker on component and zone cards", () => {
    const card = renderToStaticMarkup(
      createElement(ReactFlowProvider, null, createElement(ComponentNode, nodeProps("orders", { component: design.components[0] }) as NodeProps<ComponentFlowNode>)),
    );
    const zone = renderToStaticMarkup(createElement(ReactFlowProvider, null, createElement(ZoneNode, nodeProps("vpc", { zone: design.zones[0] }) as NodeProps<ZoneFlowNode>)));
    expect(card).toContain("Orders⟨U+202E⟩sredro");
    expect(zone).toContain("Main⟨U+2066⟩ VPC");
    expect(card + zone).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
