import readmeTemplate from "../../../templates/starter-repo/README.md.hbs";
import { formatCitation, SCHEMA_VERSION } from "../../model";
import { CATEGORIES } from "../../rules/support/types";
import type { Render } from "../typescript/render";
import type { GeneratedFile } from "../types";
import { PLATFORM_LABELS } from "./architecture-doc";
import { componentRows } from "./component-table";
import type { StarterRepoFacts } from "./facts";
import { ENVIRONMENT_OVERLAYS, KUSTOMIZE_ROOT } from "./kustomize";
import { fencedBlock, markdownText } from "./markdown";

/** What each top-level part of the repository holds, in the order of the layout table. */
const LAYOUT: readonly { path: string; purpose: string; when?: (facts: StarterRepoFacts) => boolean }[] = [
  { path: "services/", purpose: "One TypeScript package per service and worker, as an npm workspace; each has its own README, Dockerfile and tests.", when: (facts) => facts.plans.length > 0 },
  { path: "infra/terraform/", purpose: "AWS infrastructure: network, edge, traffic, compute, data, messaging, observability and secrets." },
  { path: `${KUSTOMIZE_ROOT}/base/`, purpose: "Kubernetes manifests generated from the design, as a kustomize base." },
  { path: `${KUSTOMIZE_ROOT}/overlays/`, purpose: "One kustomize overlay per environment: dev, staging, prod." },
  { path: "docs/architecture.md", purpose: "Diagrams, and every component and connection with its settings." },
  { path: "docker-compose.yml", purpose: "The services and their data stores for local development." },
  { path: ".github/workflows/ci.yml", purpose: "Continuous integration: services, images, Terraform and Kubernetes checks." },
  { path: ".env.example", purpose: "Local settings and each service's variables." },
];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The view-model of README.md: every design text escaped for Markdown, every table cell one line. */
function readmeViewModel(facts: StarterRepoFacts) {
  const { design, validation } = facts;
  const open = validation.findings.filter((finding) => !finding.acknowledgement);
  const acknowledged = validation.findings.filter((finding) => finding.acknowledgement);
  const kinds = new Set(design.components.map((component) => component.kind));
  return {
    title: markdownText(design.name),
    description: markdownText(design.description),
    designName: markdownText(design.name),
    archwayVersion: facts.archwayVersion,
    fingerprint: facts.fingerprint,
    schemaVersion: SCHEMA_VERSION,
    region: design.settings.cloudRegion,
    summary:
      `${plural(design.components.length, "component")} of ${plural(kinds.size, "kind")}, ${plural(design.connections.length, "connection")} ` +
      `and ${plural(design.zones.length, "zone")}, deployed to AWS ${design.settings.cloudRegion} with services on ${PLATFORM_LABELS[design.settings.computePlatform]}.`,
    flowchart: fencedBlock("mermaid", facts.mermaid.flowchart),
    sequence: fencedBlock("mermaid", facts.mermaid.sequence),
    scores: {
      overall: validation.scores.overall,
      explanation: markdownText(validation.scores.explanation),
      categories: CATEGORIES.map((category) => {
        const score = validation.scores.categories[category];
        return {
          name: category,
          score: score.score,
          errors: score.open.error,
          warnings: score.open.warning,
          infos: score.open.info,
          acknowledged: score.acknowledged,
          explanation: markdownText(score.explanation),
        };
      }),
    },
    openFindings: open.map((finding) => ({
      severity: finding.severity,
      category: finding.category,
      title: markdownText(finding.title),
      message: markdownText(finding.message),
      rationale: markdownText(finding.rationale),
      remediation: markdownText(finding.remediation),
      sources: finding.citations.map((citation) => markdownText(formatCitation(citation))).join("<br>"),
    })),
    acknowledgedFindings: acknowledged.map((finding) => ({
      title: markdownText(finding.title),
      message: markdownText(finding.message),
      reason: markdownText(finding.acknowledgement?.reason ?? ""),
    })),
    components: componentRows(facts),
    layout: LAYOUT.filter((entry) => entry.when?.(facts) ?? true).map(({ path, purpose }) => ({ path, purpose })),
    services: facts.stack.services.map((service) => ({
      name: markdownText(service.plan.component.name),
      directory: service.plan.directory,
      url: `http://localhost:${service.hostPort}`,
    })),
    stores: facts.stack.stores.map((store) => ({ name: markdownText(store.componentName), role: store.role, image: store.image, hostPort: store.hostPort })),
    deploy: {
      // The deploy steps follow the platform Terraform was generated for; the other way to run the services comes after, as an option.
      onEks: design.settings.computePlatform === "eks",
      kubeconfigCommand: `aws eks update-kubeconfig --region ${design.settings.cloudRegion} --name "$(terraform output -raw eks_cluster_name)"`,
    },
    overlays: ENVIRONMENT_OVERLAYS.map((overlay) => ({
      path: `${KUSTOMIZE_ROOT}/overlays/${overlay.name}`,
      environment: overlay.environment,
      sizing: overlay.sizing
        ? `${plural(overlay.sizing.replicas, "pod")} per workload, CPU ${overlay.sizing.cpu}, memory ${overlay.sizing.memory}`
        : "as designed: the design's replicas, autoscaling and resources",
    })),
  };
}

export function readmeFile(facts: StarterRepoFacts, render: Render): GeneratedFile {
  return { path: "README.md", contents: render(readmeTemplate, readmeViewModel(facts)) };
}
