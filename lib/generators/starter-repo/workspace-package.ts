import type { GeneratedFile } from "../types";
import { DEVELOPMENT_DEPENDENCIES, NODE_ENGINE } from "../typescript/dependencies";
import type { StarterRepoFacts } from "./facts";

/**
 * Stricter compiler checks than the services' own tsconfig, used as the lint step: unused code and missing
 * returns are errors. It needs nothing beyond the TypeScript compiler every service already installs.
 */
export const LINT_COMMAND = "npm exec --workspaces -- tsc -p tsconfig.test.json --noEmit --noUnusedLocals --noUnusedParameters --noImplicitReturns";

function noServices(step: string): string {
  return `node -e "console.log('No services in this design: nothing to ${step}.')"`;
}

/**
 * The root package.json: an npm workspace of services/*, whose scripts run the same script in every
 * service (`--workspaces --if-present`), so `npm test` at the root tests every service. Built as an object
 * and serialised, so no design text can break the JSON.
 */
export function workspacePackageFile(facts: StarterRepoFacts): GeneratedFile {
  const hasServices = facts.plans.length > 0;
  const everywhere = (script: string) => (hasServices ? `npm run ${script} --workspaces --if-present` : noServices(script));
  const manifest = {
    name: facts.project,
    version: "0.1.0",
    private: true,
    description: `Starter repository exported by Archway ${facts.archwayVersion} from the design "${facts.design.name}".`,
    engines: { node: NODE_ENGINE },
    workspaces: ["services/*"],
    scripts: {
      build: everywhere("build"),
      lint: hasServices ? LINT_COMMAND : noServices("lint"),
      typecheck: everywhere("typecheck"),
      test: everywhere("test"),
      "compose:up": "docker compose up --build",
    },
    devDependencies: { typescript: DEVELOPMENT_DEPENDENCIES.typescript },
  };
  return { path: "package.json", contents: `${JSON.stringify(manifest, null, 2)}\n` };
}
