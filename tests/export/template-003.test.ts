import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ComponentNames } from "@/lib/generators/component-names";
import { starterRepoFiles } from "@/lib/generators/starter-repo";
import { toZip } from "@/lib/generators/to-zip";
import { findTemplate } from "@/lib/templates";
import { runCommand, writeGeneratedFiles } from "../helpers/typescript-services";
import { ARCHWAY_TEST_VERSION } from "./support/export-design";

/**
 * Issue 6: a person who opens the 003 template (full-stack application on EKS) and presses Export gets a
 * repository whose own `npm install` and `npm test` pass, for every service the template draws.
 */
const template = findTemplate("eks-full-stack")!;
const names = new ComponentNames(template.design);
const workloadFolders = template.design.components
  .filter((component) => component.kind === "service" || component.kind === "worker")
  .map((component) => names.of(component).folder);

describe("the 003 template's exported starter repository", () => {
  let root = "";

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "archway-export-003-"));
    const unzipped = unzipSync(toZip(starterRepoFiles(template.design, { archwayVersion: ARCHWAY_TEST_VERSION })));
    await writeGeneratedFiles(
      root,
      Object.entries(unzipped).map(([name, bytes]) => ({ path: name, contents: strFromU8(bytes) })),
    );
    await runCommand("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], root, 240_000);
  }, 300_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("installs every service of the template as a workspace package", async () => {
    expect(workloadFolders.length).toBeGreaterThanOrEqual(2);
    expect((await readdir(path.join(root, "services"))).sort()).toEqual([...workloadFolders].sort());
  });

  it("passes its own npm test, one passing run per service", async () => {
    const output = await runCommand("npm", ["test"], root, 240_000);
    expect(output.match(/^# fail 0$/gm)).toHaveLength(workloadFolders.length);
    expect(output).not.toMatch(/^# fail [1-9]/m);
  }, 300_000);
});
