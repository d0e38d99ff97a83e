import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { generate, generateAll, GENERATOR_TARGETS } from "@/lib/generators";
import { hasBidiControls, isSafeRelativePath, showBidiControls } from "@/lib/generators/naming";
import { starterRepoFiles } from "@/lib/generators/starter-repo";
import { toZip } from "@/lib/generators/to-zip";
import type { Design } from "@/lib/model";
import { centralDirectory } from "../export/support/zip-entries";
import { designArbitrary, hostileName } from "./support/designs";

/** Every bidirectional control: embeddings and overrides, isolates, and the three marks. */
const BIDI_CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
const ANY_BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A name with bidi controls spliced in, at most 200 characters like every name. */
const bidiName = fc
  .tuple(hostileName, fc.array(fc.tuple(fc.constantFrom(...BIDI_CONTROLS), fc.nat()), { minLength: 1, maxLength: 4 }))
  .map(([name, controls]) => {
    const characters = Array.from(name);
    for (const [control, at] of controls) characters.splice(at % (characters.length + 1), 0, control);
    return characters.slice(0, 200).join("");
  });

/** The design with bidi controls in its name, description and every component, zone and connection label. */
const designWithBidi: fc.Arbitrary<Design> = fc
  .tuple(designArbitrary({ maxComponents: 6 }), fc.infiniteStream(bidiName))
  .map(([design, names]) => ({
    ...design,
    name: names.next().value,
    description: names.next().value,
    components: design.components.map((component) => ({ ...component, name: names.next().value })),
    zones: design.zones.map((zone) => ({ ...zone, name: names.next().value })),
    connections: design.connections.map((connection) => ({ ...connection, label: names.next().value })),
  }));

const options = { archwayVersion: "0.0.0-test" };

/** Every target that writes text; the PNG holds pixels, drawn from the SVG checked here. */
const TEXT_TARGETS = GENERATOR_TARGETS.filter((target) => target !== "png");

describe("bidirectional controls in names", () => {
  it("are shown as visible markers, never obeyed", () => {
    expect(showBidiControls("abc\u202edef\u2066g\u200f")).toBe("abc⟨U+202E⟩def⟨U+2066⟩g⟨U+200F⟩");
    expect(showBidiControls("plain ünïcode 日本語")).toBe("plain ünïcode 日本語");
    expect(hasBidiControls(showBidiControls(BIDI_CONTROLS.join("")))).toBe(false);
    expect(isSafeRelativePath("services/a\u202eb/index.ts")).toBe(false);
  });

  it("reach no generated file of any target, the starter repository or a zip path (property)", () => {
    fc.assert(
      fc.property(designWithBidi, (design) => {
        for (const target of TEXT_TARGETS) {
          for (const file of generate(design, target)) {
            expect(ANY_BIDI_CONTROL.test(file.path), file.path).toBe(false);
            expect(ANY_BIDI_CONTROL.test(file.contents), `${target}/${file.path}`).toBe(false);
          }
        }
        for (const file of generateAll(design)) expect(ANY_BIDI_CONTROL.test(file.contents), file.path).toBe(false);
        const exported = starterRepoFiles(design, options);
        for (const file of exported) expect(ANY_BIDI_CONTROL.test(file.contents), file.path).toBe(false);
        const zip = toZip(exported);
        for (const entry of centralDirectory(zip)) expect(ANY_BIDI_CONTROL.test(entry.name), entry.name).toBe(false);
        for (const contents of Object.values(unzipSync(zip))) expect(ANY_BIDI_CONTROL.test(strFromU8(contents))).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it("a zip built from files that still hold controls gets markers too", () => {
    const zip = toZip([{ path: "README.md", contents: "# Orders\u202eredro" }]);
    expect(strFromU8(unzipSync(zip)["README.md"])).toBe("# Orders⟨U+202E⟩redro");
  });
});
