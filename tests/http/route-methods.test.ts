import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTE_METHODS, ROUTE_HANDLER_METHODS } from "@/lib/http/route-methods";

const apiDirectory = path.resolve(__dirname, "../../app/api");

async function routeFiles(): Promise<string[]> {
  const entries = await readdir(apiDirectory, { recursive: true });
  return entries.filter((entry) => path.basename(entry) === "route.ts").map((entry) => path.join(apiDirectory, entry));
}

describe("API route methods table (lib/http/route-methods.ts)", () => {
  it("lists exactly the methods every app/api route exports, and no route that does not exist", async () => {
    const exported: Record<string, string[]> = {};
    for (const file of await routeFiles()) {
      const pattern = `/api/${path.relative(apiDirectory, path.dirname(file)).split(path.sep).join("/")}`;
      const module = (await import(file)) as Record<string, unknown>;
      exported[pattern] = ROUTE_HANDLER_METHODS.filter((method) => typeof module[method] === "function");
    }
    // When this fails, update API_ROUTE_METHODS in lib/http/route-methods.ts so the proxy's 405 answers stay true.
    expect(API_ROUTE_METHODS).toEqual(exported);
  });
});
