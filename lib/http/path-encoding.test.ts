import { describe, expect, it } from "vitest";
import { hasMalformedPercentEncoding } from "./path-encoding";

describe("percent-encoding in paths", () => {
  it("accepts plain and well-encoded paths", () => {
    for (const path of ["/", "/api/designs/d-1", "/api/designs/%E2%9C%93", "/designs/a%20b"]) expect(hasMalformedPercentEncoding(path)).toBe(false);
  });

  it("finds overlong UTF-8, stray percent signs and truncated escapes", () => {
    for (const path of ["/api/designs/%C0%AE", "/api/designs/%", "/api/designs/%E2%9C", "/designs/%zz/x"]) expect(hasMalformedPercentEncoding(path)).toBe(true);
  });
});
