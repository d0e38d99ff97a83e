import type { Design } from "../../model";
import type { GeneratedFile, Generator } from "../types";
import { packageJson, tsconfigJson, tsconfigTestJson } from "./package-files";
import { planServices, type ServicePlan } from "./plan";
import { createRenderer, type Render } from "./render";
import { SERVICE_TEMPLATES } from "./templates";
import { serviceViewModel, type GeneratedModule } from "./view-model";

const JSON_FILES: readonly (GeneratedModule & { contents: (plan: ServicePlan) => string })[] = [
  { path: "package.json", purpose: "Pinned dependencies; build, start, typecheck and test scripts.", contents: packageJson },
  { path: "tsconfig.json", purpose: "Strict compiler settings for src/.", contents: tsconfigJson },
  { path: "tsconfig.test.json", purpose: "Compiles src/ and test/ for npm test.", contents: tsconfigTestJson },
];

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function serviceFiles(design: Design, plan: ServicePlan, render: Render): GeneratedFile[] {
  const templates = SERVICE_TEMPLATES.filter((template) => template.include(plan));
  const layout = [...templates, ...JSON_FILES].map(({ path, purpose }) => ({ path, purpose })).sort(byPath);
  const viewModel = serviceViewModel(design, plan, layout);
  return [
    ...templates.map((template) => ({ path: `${plan.directory}/${template.path}`, contents: render(template.template, viewModel) })),
    ...JSON_FILES.map((file) => ({ path: `${plan.directory}/${file.path}`, contents: file.contents(plan) })),
  ];
}

/** One runnable package per Service and Worker component, under services/<component id>/. */
export function generateTypescriptServices(design: Design): GeneratedFile[] {
  const render = createRenderer();
  return planServices(design)
    .flatMap((plan) => serviceFiles(design, plan, render))
    .sort(byPath);
}

export const typescriptGenerator: Generator = {
  target: "typescript",
  generate: generateTypescriptServices,
};

export { planServices } from "./plan";
export type { EnvironmentVariablePlan, ServicePlan } from "./plan";
