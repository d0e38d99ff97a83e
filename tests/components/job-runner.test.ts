import { describe, expect, it } from "vitest";
import { generateDesignDocument } from "@/bench/shared/generate-design";
import { JobRunner, SupersededJobError } from "@/components/workers/job-runner";
import type { JobStage } from "@/components/workers/protocol";
import { generate, type GeneratorTarget } from "@/lib/generators";
import { designPicture } from "@/lib/generators/picture/svg";
import { starterRepoZipFiles } from "@/lib/generators/starter-repo";
import { ARCHWAY_VERSION } from "@/lib/generators/starter-repo/version";
import { toZip } from "@/lib/generators/to-zip";
import { parseDesign, type Design } from "@/lib/model";
import { runRules } from "@/lib/rules/run-rules";
import { simulateDetailed } from "@/lib/simulation";

function designOf(components: number): Design {
  const parsed = parseDesign(generateDesignDocument(components));
  if (!parsed.success) throw new Error("the generated design does not parse");
  return parsed.design;
}

/** Node has no Web Worker, as a browser without module workers: the constructor throws and jobs run in the page. */
const noWorker = () => {
  throw new TypeError("Worker is not defined");
};

describe("JobRunner where no worker can be created", () => {
  const design = designOf(60);

  it("runs each job in the page with the same result as calling its function", async () => {
    const runner = new JobRunner(noWorker);
    expect(await runner.run("generate", { design, target: "terraform" })).toEqual(generate(design, "terraform"));
    expect(await runner.run("validate", { design })).toEqual(runRules(design));
    expect(await runner.run("picture", { design })).toEqual(designPicture(design));
    const options = { loadMultiplier: 10 };
    expect(await runner.run("simulate", { design, options })).toEqual(simulateDetailed(design, options));
    const stages: JobStage[] = [];
    const zip = await runner.run("starter-zip", { design }, (stage) => stages.push(stage));
    expect(Buffer.from(zip).equals(Buffer.from(toZip(starterRepoZipFiles(design, { archwayVersion: ARCHWAY_VERSION }))))).toBe(true);
    expect(stages).toEqual(["zipping"]);
    expect(await runner.run("highlight", { path: "main.tf", contents: 'resource "aws_vpc" "main" {}\n' })).toContain('class="token');
  });

  it("answers only the latest request: the one it replaces rejects as superseded", async () => {
    const runner = new JobRunner(noWorker);
    const older = runner.run("validate", { design });
    const newer = runner.run("validate", { design: designOf(21) });
    await expect(older).rejects.toBeInstanceOf(SupersededJobError);
    expect((await newer).findings).toEqual(runRules(designOf(21)).findings);
  });

  it("shares one answer between equal requests, so an unchanged design is checked once", () => {
    const runner = new JobRunner(noWorker);
    expect(runner.run("validate", { design })).toBe(runner.run("validate", { design }));
    expect(runner.run("generate", { design, target: "mermaid" })).not.toBe(runner.run("generate", { design, target: "kubernetes" }));
  });

  it("reports a failing job with its message, and runs it again when asked again", async () => {
    const runner = new JobRunner(noWorker);
    // A page from before a generator was removed could still ask for it.
    const input = { design, target: "cobol" as GeneratorTarget };
    const first = runner.run("generate", input);
    await expect(first).rejects.toThrow('No generator is registered for target "cobol"');
    const again = runner.run("generate", input);
    expect(again).not.toBe(first);
    await expect(again).rejects.toThrow();
  });
});
