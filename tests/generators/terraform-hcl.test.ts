import { getExpressionAst, parse } from "@cdktf/hcl2json";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call, hclComment, hclString, HclReference, nested, object, ref, renderBlock, renderFile } from "@/lib/generators/terraform/hcl";
import { HOSTILE_FRAGMENTS, hostileName } from "./support/designs";

/**
 * Decodes an HCL quoted-string body by the rules of the HCL native syntax spec (escapes \\ \" \n \r \t
 * \uNNNN \UNNNNNNNN, `$${` for a literal `${`, `%%{` for a literal `%{`), independently of the encoder.
 */
function decodeHclString(body: string): string {
  let decoded = "";
  for (let index = 0; index < body.length; ) {
    const rest = body.slice(index);
    if (rest.startsWith("$${") || rest.startsWith("%%{")) {
      decoded += `${rest[0]}{`;
      index += 3;
    } else if (rest.startsWith("${") || rest.startsWith("%{")) {
      throw new Error(`Unescaped template sequence at ${index}`);
    } else if (rest[0] === "\\") {
      const escape = rest[1];
      const simple: Record<string, string> = { "\\": "\\", '"': '"', n: "\n", r: "\r", t: "\t" };
      if (escape in simple) {
        decoded += simple[escape];
        index += 2;
      } else if (escape === "u" || escape === "U") {
        const digits = escape === "u" ? 4 : 8;
        decoded += String.fromCodePoint(parseInt(rest.slice(2, 2 + digits), 16));
        index += 2 + digits;
      } else throw new Error(`Unknown escape \\${escape}`);
    } else {
      const character = String.fromCodePoint(rest.codePointAt(0) as number);
      decoded += character;
      index += character.length;
    }
  }
  return decoded;
}

const anyText = fc.oneof(hostileName, fc.string({ unit: "binary", maxLength: 80 }).map((text) => text.replace(/\p{Surrogate}/gu, "")), fc.constantFrom(...HOSTILE_FRAGMENTS));

describe("HCL escaping", () => {
  it("hclString is one literal for HashiCorp's parser and decodes back to the input", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const literal = hclString(text);
        const ast = await getExpressionAst("escape.tf", literal);
        expect(ast?.type).toBe("template");
        expect(ast?.children.map((child) => child.type)).toEqual(["literalValue"]);
        expect(decodeHclString(literal.slice(1, -1))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("escapes the sequences that would start code", () => {
    expect(hclString("${var.secret}")).toBe('"$${var.secret}"');
    expect(hclString("%{ if true }x%{ endif }")).toBe('"%%{ if true }x%%{ endif }"');
    expect(hclString('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\n"');
    expect(hclString("$${x}")).toBe('"$$${x}"');
    expect(hclString("\u0001\u2028")).toBe('"\\u0001\\u2028"');
  });

  it("comments never span lines, so nothing after a line break becomes code", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const comment = hclComment(text);
        expect(comment).not.toMatch(/[\n\r\u2028\u2029]/);
        const parsed = await parse("comment.tf", `${comment}\nlocals {\n  marker = 1\n}\n`);
        expect(Object.keys(parsed)).toEqual(["locals"]);
      }),
      { numRuns: 100 },
    );
  });

  it("references and names only take identifier steps", () => {
    expect(() => new HclReference(["aws_vpc", 'main" {'])).toThrow();
    expect(() => ref("aws_vpc.${x}.id")).toThrow();
    expect(() => call("jsonencode) + (", 1)).toThrow();
    expect(() => renderBlock({ type: "resource", labels: ["a", "b"], body: { 'x" = 1 #': 1 } })).toThrow();
    expect(() => renderBlock({ type: "resource", labels: ["a", "b"], body: { n: Number.NaN } })).toThrow();
  });

  it("renders blocks, nested blocks and objects that parse to the same structure", async () => {
    const text = renderFile(["Heading with ${x}\nand a new line"], [
      {
        type: "resource",
        labels: ["aws_s3_bucket", 'weird "label" ${x}'],
        comments: ["Comment with\nline break"],
        body: {
          bucket_prefix: "a${b}",
          tags: object({ Name: "n", "kubernetes.io/role/elb": "1", 'odd "key"': "v" }),
          policy: call("jsonencode", object({ Statement: [object({ Resource: ref("aws_s3_bucket.b.arn") })] })),
          skipped: undefined,
          rule: [nested({ id: "a" }), nested({})],
          depends_on: [ref("aws_s3_bucket.other")],
        },
      },
    ]);
    const parsed = await parse("render.tf", text);
    const bucket = parsed.resource.aws_s3_bucket['weird "label" ${x}'][0];
    expect(bucket.bucket_prefix).toBe("a$${b}");
    expect(bucket.tags).toEqual({ Name: "n", "kubernetes.io/role/elb": "1", 'odd "key"': "v" });
    expect(bucket.policy).toBe("${jsonencode({\n    Statement = [\n      {\n        Resource = aws_s3_bucket.b.arn\n      },\n    ]\n  })}");
    expect(bucket.rule).toEqual([{ id: "a" }, {}]);
    expect(bucket).not.toHaveProperty("skipped");
  });
});
