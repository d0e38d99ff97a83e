import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fencedBlock, markdownText } from "@/lib/generators/starter-repo/markdown";
import { HOSTILE_FRAGMENTS } from "../generators/support/designs";

const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.array(fc.constantFrom(...HOSTILE_FRAGMENTS, "1. ", "- ", "===", "[a](b)", "**x**"), { maxLength: 6 }).map((parts) => parts.join("")));

describe("markdownText", () => {
  it("keeps text on one line, with every inline mark escaped, and unescapes to the same words (property)", () => {
    fc.assert(
      fc.property(text, (input) => {
        const output = markdownText(input);
        expect(output).not.toMatch(/[\n\r\u2028\u2029\u0000-\u001f]/);
        expect(output.replace(/\\./g, "")).not.toMatch(/[\\`*_[\]<>#|~&$]/);
        expect(output).not.toMatch(/^([-+=]|\d+[.)])/);
        expect(output.replace(/\\(.)/g, "$1")).toBe(input.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim());
      }),
    );
  });

  it("escapes what would start a block or a link", () => {
    expect(markdownText("# Title")).toBe("\\# Title");
    expect(markdownText("- item")).toBe("\\- item");
    expect(markdownText("1. first")).toBe("1\\. first");
    expect(markdownText("[x](javascript:alert(1))")).toBe("\\[x\\](javascript:alert(1))");
    expect(markdownText("a | b\nc")).toBe("a \\| b c");
  });
});

describe("fencedBlock", () => {
  it("uses a fence longer than any backtick run in the body", () => {
    expect(fencedBlock("mermaid", "graph")).toBe("```mermaid\ngraph\n```");
    expect(fencedBlock("text", "a ```` b\n")).toBe("`````text\na ```` b\n`````");
  });
});
