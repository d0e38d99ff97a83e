import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { connectionLabel } from "@/lib/designer/labels";
import { generate } from "@/lib/generators";
import { hasBidiControls, projectSlug, showBidiControls } from "@/lib/generators/naming";
import { designPicture, displayText, PICTURE_MARGIN } from "@/lib/generators/picture/svg";
import { createComponent, createConnection, createEmptyDesign, type Design, type Zone } from "@/lib/model";
import { TEMPLATES } from "@/lib/templates";
import { designArbitrary, hostileName } from "./support/designs";
import { descendants, parseSvg, textContent, type XmlNode } from "./support/svg-tree";

function byAttribute(root: XmlNode, name: string): Map<string, XmlNode> {
  return new Map([...descendants(root)].filter((node) => node.attributes[name] !== undefined).map((node) => [node.attributes[name], node]));
}

function cardName(card: XmlNode): string {
  const name = card.children.find((child) => child.tag === "text" && child.attributes["data-name"] === "true");
  return name ? name.children.map((line) => line.text).join("") : "";
}

/** Lines break at spaces (dropped) or inside a word, so names are compared without their whitespace. */
const unspaced = (text: string) => text.replace(/\s/g, "");

/** Every component as a card with its name, every connection as a line with an arrowhead and its label. */
function expectWholeDesign(design: Design, svg: string): void {
  const root = parseSvg(svg);
  const nodes = [...descendants(root)];
  expect(nodes.some((node) => node.tag === "foreignObject")).toBe(false);
  const cards = byAttribute(root, "data-component");
  for (const component of design.components) {
    const card = cards.get(component.id);
    expect(card, component.name).toBeDefined();
    const name = displayText(component.name);
    expect(textContent(card!.children.find((child) => child.tag === "title")!)).toContain(name);
    const drawn = unspaced(cardName(card!));
    if (drawn.endsWith("…") && !unspaced(name).endsWith("…")) expect(unspaced(name).startsWith(drawn.slice(0, -1)), `${drawn} starts ${name}`).toBe(true);
    else expect(drawn).toBe(unspaced(name));
  }
  const lines = byAttribute(root, "data-connection");
  const labels = byAttribute(root, "data-edge-label");
  for (const connection of design.connections) {
    const line = lines.get(connection.id);
    expect(line?.tag, connection.id).toBe("path");
    expect(line!.attributes.d).toMatch(/^M-?[\d.]+ -?[\d.]+( L-?[\d.]+ -?[\d.]+| Q-?[\d.]+ -?[\d.]+ -?[\d.]+ -?[\d.]+)+$/);
    expect(line!.attributes["marker-end"]).toBe("url(#arrow)");
    expect(textContent(labels.get(connection.id)!)).toBe(displayText(connectionLabel(connection)));
  }
}

type Box = { x: number; y: number; width: number; height: number };

const overlapping = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Boxes of the groups carrying `attribute`, from their translate and a size. */
function boxes(root: XmlNode, attribute: string, size: (node: XmlNode) => { width: number; height: number }): Box[] {
  return [...descendants(root)]
    .filter((node) => node.attributes[attribute] !== undefined)
    .map((node) => {
      const [x, y] = /translate\((-?[\d.]+) (-?[\d.]+)\)/.exec(node.attributes.transform)!.slice(1).map(Number);
      return { x, y, ...size(node) };
    });
}

describe("the SVG picture", () => {
  it.each(TEMPLATES.map((template) => [template.id, template.design] as const))("of the %s template holds every card, line and label as vector shapes", (_, design) => {
    const { svg } = designPicture(design);
    expectWholeDesign(design, svg);
    expect(svg).not.toContain("foreignObject");
    const root = parseSvg(svg);
    const cards = boxes(root, "data-component", () => ({ width: 188, height: 56 }));
    const labels = boxes(root, "data-edge-label", (node) => ({ width: Number(node.children[0].attributes.width), height: Number(node.children[0].attributes.height) }));
    labels.forEach((label, index) => {
      expect(cards.some((card) => overlapping(label, card)), `label ${index} on a card`).toBe(false);
      expect(labels.some((other, otherIndex) => otherIndex !== index && overlapping(label, other)), `label ${index} on a label`).toBe(false);
    });
  });

  it("is cropped to the drawing with a margin: two cards side by side", () => {
    let design = createEmptyDesign("Two cards");
    const api = createComponent(design, "service", { x: 100, y: 200 });
    design = { ...design, components: [api] };
    const db = createComponent(design, "database", { x: 500, y: 200 });
    design = { ...design, components: [api, db] };
    design = { ...design, connections: [createConnection(design, api, db)] };
    const picture = designPicture(design);
    const root = parseSvg(picture.svg);
    // Cards span x 100–688 and y 200–256; the label sits above the line inside that band.
    expect(root.attributes.viewBox).toBe(`${100 - PICTURE_MARGIN} ${200 - PICTURE_MARGIN} ${588 + 2 * PICTURE_MARGIN} ${56 + 2 * PICTURE_MARGIN}`);
    expect([picture.width, picture.height]).toEqual([588 + 2 * PICTURE_MARGIN, 56 + 2 * PICTURE_MARGIN]);
    expect(byAttribute(root, "data-connection").get(design.connections[0].id)!.attributes.d).toBe("M288 228 L500 228");
  });

  it("rounds a route's bends, never past the middle of a short segment", () => {
    let design = createEmptyDesign("Bends");
    const api = createComponent(design, "service", { x: 0, y: 0 });
    design = { ...design, components: [api] };
    const db = createComponent(design, "database", { x: 400, y: 106 });
    design = { ...design, components: [api, db], connections: [] };
    design = { ...design, connections: [createConnection(design, api, db)] };
    // From (188, 28) right to x 294, down to y 134, right into (400, 134).
    expect(byAttribute(parseSvg(designPicture(design).svg), "data-connection").get(design.connections[0].id)!.attributes.d).toBe("M188 28 L284 28 Q294 28 294 38 L294 124 Q294 134 304 134 L400 134");
    let close = createEmptyDesign("Close");
    const a = createComponent(close, "service", { x: 0, y: 0 });
    close = { ...close, components: [a] };
    const b = createComponent(close, "database", { x: 400, y: 4 });
    close = { ...close, components: [a, b] };
    close = { ...close, connections: [createConnection(close, a, b)] };
    expect(byAttribute(parseSvg(designPicture(close).svg), "data-connection").get(close.connections[0].id)!.attributes.d).toBe("M188 28 L292 28 Q294 28 294 30 L294 30 Q294 32 296 32 L400 32");
  });

  it("places cards at their absolute position: relative to their zone, which is relative to its parent", () => {
    const vpc: Zone = { id: "vpc-1", kind: "vpc", name: "VPC", position: { x: 1000, y: 500 }, size: { width: 800, height: 400 } };
    const subnet: Zone = { id: "subnet-1", kind: "private-subnet", name: "Private", parentId: "vpc-1", position: { x: 40, y: 60 }, size: { width: 400, height: 200 } };
    let design: Design = { ...createEmptyDesign("Nested"), zones: [subnet, vpc] };
    design = { ...design, components: [createComponent(design, "service", { x: 20, y: 50 }, "subnet-1")] };
    const root = parseSvg(designPicture(design).svg);
    expect(byAttribute(root, "data-component").get(design.components[0].id)!.attributes.transform).toBe("translate(1060 610)");
    expect(byAttribute(root, "data-zone").get("subnet-1")!.attributes.transform).toBe("translate(1040 560)");
    // Parents are drawn first, so the subnet sits on top of its VPC.
    expect([...byAttribute(root, "data-zone").keys()]).toEqual(["vpc-1", "subnet-1"]);
    expect(root.attributes.viewBox).toBe(`${1000 - PICTURE_MARGIN} ${500 - PICTURE_MARGIN} ${800 + 2 * PICTURE_MARGIN} ${400 + 2 * PICTURE_MARGIN}`);
  });

  it("shows the zone's name first and its kind as an icon", () => {
    const zone: Zone = { id: "az-1", kind: "availability-zone", name: "Zone A", position: { x: 0, y: 0 }, size: { width: 400, height: 300 }, code: "us-east-1a" };
    const root = parseSvg(designPicture({ ...createEmptyDesign("Zones"), zones: [zone] }).svg);
    const group = byAttribute(root, "data-zone").get("az-1")!;
    const texts = group.children.filter((child) => child.tag === "text").map((child) => child.text);
    expect(texts).toEqual(["Zone A", "us-east-1a"]);
    expect(group.children.find((child) => child.tag === "use")!.attributes.href).toBe("#icon-availability-zone");
    expect([...descendants(root)].some((node) => node.tag === "symbol" && node.attributes.id === "icon-availability-zone")).toBe(true);
  });

  it("wraps a long name to two lines and ends it in an ellipsis, as the canvas does", () => {
    let design = createEmptyDesign("Long");
    design = { ...design, components: [{ ...createComponent(design, "service", { x: 0, y: 0 }), name: "Orders API that handles every checkout request from the web shop and the app" }] };
    const lines = byAttribute(parseSvg(designPicture(design).svg), "data-component").get(design.components[0].id)!.children.find((child) => child.attributes["data-name"])!.children;
    expect(lines.map((line) => line.text)).toEqual(["Orders API that", expect.stringMatching(/^handles every.*…$/)]);
  });

  it("escapes hostile names and shows bidi controls, whatever the design (property)", () => {
    const hostile = fc.tuple(designArbitrary({ maxComponents: 6 }), fc.infiniteStream(hostileName)).map(([design, names]) => ({
      ...design,
      name: `${names.next().value}\u202e<svg onload=alert(1)>`,
      components: design.components.map((component) => ({ ...component, name: `${names.next().value}\u2066</text><script>` })),
      zones: design.zones.map((zone) => ({ ...zone, name: `${names.next().value}]]>&amp;"'` })),
      connections: design.connections.map((connection) => ({ ...connection, label: names.next().value })),
    }));
    fc.assert(
      fc.property(hostile, (design) => {
        const [file] = generate(design, "svg");
        expect(file.path).toBe(`${projectSlug(design.name)}.svg`);
        expect(hasBidiControls(file.contents)).toBe(false);
        const root = parseSvg(file.contents);
        expect([...descendants(root)].some((node) => ["script", "foreignObject"].includes(node.tag) || Object.keys(node.attributes).some((name) => name.startsWith("on")))).toBe(false);
        expect(textContent(root.children.find((child) => child.tag === "title")!)).toBe(displayText(design.name));
        expectWholeDesign(design, file.contents);
      }),
      { numRuns: 40 },
    );
  });

  it("of an empty design is a small blank picture", () => {
    const picture = designPicture(createEmptyDesign("Empty"));
    expect([picture.width, picture.height]).toEqual([2 * PICTURE_MARGIN, 2 * PICTURE_MARGIN]);
    expect(parseSvg(picture.svg).attributes.viewBox).toBe(`${-PICTURE_MARGIN} ${-PICTURE_MARGIN} ${2 * PICTURE_MARGIN} ${2 * PICTURE_MARGIN}`);
  });
});
