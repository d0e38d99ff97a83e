import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/api";
import { LIMITS, parseDesign } from "@/lib/model";
import { largestDesign } from "../helpers/large-designs";

describe("the largest design the schema allows", () => {
  it("parses, notes at their limit too, and still fits one request body", () => {
    const document = largestDesign();
    expect(document.components).toHaveLength(LIMITS.components);
    expect(document.annotations).toHaveLength(LIMITS.annotations);
    expect(parseDesign(document).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify({ document }))).toBeLessThan(MAX_BODY_BYTES);
  });
});
