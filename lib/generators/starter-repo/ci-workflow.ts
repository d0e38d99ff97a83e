import { cite } from "../../model";
import type { GeneratedFile } from "../types";
import type { StarterRepoFacts } from "./facts";
import { ENVIRONMENT_OVERLAYS, KUSTOMIZE_ROOT } from "./kustomize";
import { yamlFile } from "./yaml-file";

export const TERRAFORM_ROOT = "infra/terraform";
const NODE_VERSION = "20";
/** kubeconform release checked in CI; its schemas come from yannh/kubernetes-json-schema, the strict variant. */
const KUBECONFORM_VERSION = "v0.6.7";

const checkout = { name: "Check out", uses: "actions/checkout@v4" };

/**
 * .github/workflows/ci.yml: the part of 003's pipeline ("CI/CD Pipeline", "GitHub Actions Workflow") that a
 * fresh repository can run without cloud credentials: on a push to main, a pull request or a manual trigger,
 * install, lint, type-check, test and build the services; build their images tagged with the git sha and
 * latest; check the Terraform with fmt and validate; and render every kustomize overlay and check it against
 * the strict Kubernetes schemas. Pushing images and deploying need a registry and a cluster, so they are left
 * to the team (see the README).
 */
export function ciWorkflowFile(facts: StarterRepoFacts): GeneratedFile {
  const services = facts.plans.map((plan) => plan.slug);
  const jobs: Record<string, unknown> = {
    services: {
      name: "Services: install, lint, type-check, test, build",
      "runs-on": "ubuntu-latest",
      steps: [
        checkout,
        { name: "Set up Node.js", uses: "actions/setup-node@v4", with: { "node-version": NODE_VERSION } },
        { name: "Install", run: "npm install --no-audit --no-fund" },
        { name: "Lint", run: "npm run lint" },
        { name: "Type-check", run: "npm run typecheck" },
        { name: "Test", run: "npm test" },
        { name: "Build", run: "npm run build" },
      ],
    },
    ...(services.length > 0
      ? {
          images: {
            name: "Image ${{ matrix.service }}",
            needs: "services",
            "runs-on": "ubuntu-latest",
            strategy: { "fail-fast": false, matrix: { service: services } },
            steps: [
              checkout,
              {
                name: "Build the image (tag: git sha and latest)",
                run: `docker build --tag "${facts.project}/\${{ matrix.service }}:\${{ github.sha }}" --tag "${facts.project}/\${{ matrix.service }}:latest" "services/\${{ matrix.service }}"`,
              },
            ],
          },
        }
      : {}),
    terraform: {
      name: "Terraform: fmt and validate",
      "runs-on": "ubuntu-latest",
      defaults: { run: { "working-directory": TERRAFORM_ROOT } },
      steps: [
        checkout,
        { name: "Set up Terraform", uses: "hashicorp/setup-terraform@v3" },
        { name: "Check formatting", run: "terraform fmt -check -recursive -diff" },
        { name: "Initialise without a backend", run: "terraform init -backend=false -input=false" },
        { name: "Validate", run: "terraform validate" },
      ],
    },
    kubernetes: {
      name: "Kubernetes ${{ matrix.overlay }}: render and check schemas",
      "runs-on": "ubuntu-latest",
      strategy: { "fail-fast": false, matrix: { overlay: ENVIRONMENT_OVERLAYS.map((overlay) => overlay.name) } },
      steps: [
        checkout,
        {
          name: `Install kubeconform ${KUBECONFORM_VERSION}`,
          run: `curl -fsSL "https://github.com/yannh/kubeconform/releases/download/${KUBECONFORM_VERSION}/kubeconform-linux-amd64.tar.gz" | tar -xz -C "$RUNNER_TEMP" kubeconform`,
        },
        { name: "Render the overlay", run: `kubectl kustomize "${KUSTOMIZE_ROOT}/overlays/\${{ matrix.overlay }}" > "$RUNNER_TEMP/rendered.yaml"` },
        { name: "Check against the strict schemas", run: '"$RUNNER_TEMP/kubeconform" -strict -summary -output pretty "$RUNNER_TEMP/rendered.yaml"' },
      ],
    },
  };
  const workflow = {
    name: "CI",
    on: { push: { branches: ["main"] }, pull_request: {}, workflow_dispatch: {} },
    permissions: { contents: "read" },
    concurrency: { group: "ci-${{ github.ref }}", "cancel-in-progress": true },
    jobs,
  };
  return {
    path: ".github/workflows/ci.yml",
    contents: yamlFile(
      workflow,
      [
        `Continuous integration exported by Archway ${facts.archwayVersion}.`,
        "No package-lock.json is exported: commit the one the first npm install writes, then switch Install to npm ci.",
      ],
      [cite("003", "CI/CD Pipeline"), cite("003", "GitHub Actions Workflow")],
    ),
  };
}
