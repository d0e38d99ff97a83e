import { describe, expect, it } from "vitest";
import { HttpError, readJsonBody } from "./api";

function post(body: string, contentType?: string): Request {
  return new Request("http://localhost/api/designs", { method: "POST", body, headers: contentType === undefined ? {} : { "content-type": contentType } });
}

async function refusal(request: Request): Promise<HttpError> {
  const error = await readJsonBody(request).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof HttpError)) throw new Error("expected an HttpError");
  return error;
}

describe("readJsonBody", () => {
  it("reads JSON declared as application/json, with or without a charset, in any case", async () => {
    for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON ;charset=UTF-8"]) {
      expect(await readJsonBody(post('{"name":"a"}', type))).toEqual({ name: "a" });
    }
  });

  it("refuses any other or a missing Content-Type with 415", async () => {
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", undefined]) {
      const error = await refusal(post('{"name":"a"}', type));
      expect(error.status, String(type)).toBe(415);
      expect(error.message).toMatch(/Content-Type: application\/json/);
    }
  });
});
