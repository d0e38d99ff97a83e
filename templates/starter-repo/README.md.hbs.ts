/**
 * Template of the starter repository's README.md. Every design text arrives escaped by the view-model
 * (lib/generators/starter-repo/readme.ts); diagrams arrive as complete fenced blocks.
 */
export default String.raw`# {{title}}

{{#if description}}
{{description}}

{{/if}}
A starter repository exported by Archway {{code archwayVersion}} from the design "{{designName}}". Change the design in Archway and export again rather than hand-editing the generated infrastructure; the services are yours to grow.

## The system

{{summary}}

{{flowchart}}

### Request sequence

{{sequence}}

Components, connections and their settings (timeouts, retries, replicas, health checks): [docs/architecture.md](docs/architecture.md).

## Findings and scores

Overall score: **{{scores.overall}} / 100**. {{scores.explanation}}

| Category | Score | Open errors | Open warnings | Open info | Acknowledged |
|---|---|---|---|---|---|
{{#each scores.categories}}
| {{name}} | {{score}} | {{errors}} | {{warnings}} | {{infos}} | {{acknowledged}} |
{{/each}}

{{#each scores.categories}}
- {{explanation}}
{{/each}}

### Open findings

{{#if openFindings.length}}
| Severity | Category | Finding | Why it matters | What to do | Source |
|---|---|---|---|---|---|
{{#each openFindings}}
| {{severity}} | {{category}} | **{{title}}**: {{message}} | {{rationale}} | {{remediation}} | {{sources}} |
{{/each}}
{{else}}
None: the design passes every rule.
{{/if}}
{{#if acknowledgedFindings.length}}

### Acknowledged findings

| Finding | Reason given |
|---|---|
{{#each acknowledgedFindings}}
| **{{title}}**: {{message}} | {{reason}} |
{{/each}}
{{/if}}

## Repository layout

| Path | What it holds |
|---|---|
{{#each layout}}
| {{code path}} | {{purpose}} |
{{/each}}

## Components

Generated names come from the component names in the design: rename a component and export again to rename its folder, objects and resources.

| Component | Kind | Service folder | Kubernetes | Terraform |
|---|---|---|---|---|
{{#each components}}
| {{name}} | {{kind}} | {{#if folder}}{{code folder}}{{else}}none{{/if}} | {{#if kubernetes}}{{code kubernetes}}{{else}}none{{/if}} | {{#each terraform}}{{#unless @first}}<br>{{/unless}}{{code file}}: {{#each addresses}}{{#unless @first}}, {{/unless}}{{code this}}{{/each}}{{else}}none{{/each}} |
{{/each}}

## Run it locally

You need Node.js 20 and Docker.

~~~sh
cp .env.example .env
docker compose up --build
~~~

{{#if services.length}}
| Service | Folder | URL | Probes |
|---|---|---|---|
{{#each services}}
| {{name}} | {{code directory}} | {{url}} | {{code "/health"}}, {{code "/ready"}}, {{code "/metrics"}} |
{{/each}}
{{else}}
This design has no services or workers, so nothing is generated under {{code "services/"}}.
{{/if}}
{{#if stores.length}}

| Data store | Used as | Image | Host port |
|---|---|---|---|
{{#each stores}}
| {{name}} | {{role}} | {{code image}} | {{hostPort}} |
{{/each}}
{{/if}}

Without Docker, work on the services directly (the npm workspace covers every folder under {{code "services/"}}):

~~~sh
npm install
npm run lint
npm run typecheck
npm test
npm run build
~~~

{{code "npm test"}} runs every service's unit tests; they need no database, Redis or network. To run one service on your machine against the Compose data stores, export the variables listed for it in {{code ".env.example"}} and run {{code "npm start"}} in its folder after {{code "npm run build"}}.

## Deploy

{{#*inline "overlay-table"}}
| Overlay | Environment | Sizing |
|---|---|---|
{{#each overlays}}
| {{code path}} | {{environment}} | {{sizing}} |
{{/each}}

~~~sh
kubectl apply -k deploy/k8s/overlays/dev
~~~
{{/inline}}
{{#if deploy.onEks}}
The design runs its services on Amazon EKS: Terraform creates the network, the data stores and the cluster, and the Kubernetes manifests run the workloads on it.

1. **Infrastructure** ({{code "infra/terraform/"}}, AWS {{code region}}): {{code "terraform init"}}, {{code "terraform plan"}}, {{code "terraform apply"}}. Add a remote state backend before the first apply. Then point kubectl at the cluster: {{code deploy.kubeconfigCommand}}.
2. **Images**: build each service's Dockerfile and push it to your registry (ECR in seed 003), tagged with the git sha; point the image fields of the manifests at it.
3. **Kubernetes** ({{code "deploy/k8s/"}}): create the Secrets listed in {{code "deploy/k8s/base/README.md"}}, then apply one overlay per environment:

{{> overlay-table}}

### If you move to Amazon ECS on Fargate

The Terraform follows the design's compute platform, so this export holds no ECS resources. To move, set the design's compute platform to ECS Fargate in Archway and export again: Terraform then creates an ECS cluster with a service and task definition per workload instead of the EKS cluster, sets each task's image from {{code "container_registry"}} and {{code "image_tag"}}, and {{code "deploy/k8s/"}} is no longer needed to deploy.
{{else}}
The design runs its services on Amazon ECS on Fargate: Terraform creates everything, from the network and the data stores to an ECS service and task definition per workload.

1. **Images**: build each service's Dockerfile and push it to your registry (ECR in seed 004), one repository per workload named after it, tagged with the git sha.
2. **Infrastructure and services** ({{code "infra/terraform/"}}, AWS {{code region}}): {{code "terraform init"}}, {{code "terraform plan"}}, {{code "terraform apply"}}{{#if services.length}}, setting {{code "container_registry"}} to your registry and {{code "image_tag"}} to the tag you pushed{{/if}}. Add a remote state backend before the first apply.

### Also generated: Kubernetes manifests, if you move to Amazon EKS

{{code "deploy/k8s/"}} runs the same workloads on Kubernetes, as a kustomize base with an overlay per environment; CI checks them on every push. They are not part of the ECS deploy. To move to EKS, set the design's compute platform to EKS in Archway and export again so that Terraform creates the EKS cluster, push the images and point the image fields of the manifests at them, create the Secrets listed in {{code "deploy/k8s/base/README.md"}}, then apply one overlay per environment:

{{> overlay-table}}
{{/if}}

## Continuous integration

{{code ".github/workflows/ci.yml"}} runs on a push to main, a pull request or a manual trigger: install, lint, type-check, test and build the services; build each image; {{code "terraform fmt -check"}} and {{code "terraform validate"}}; render each overlay with kustomize and check it against the strict Kubernetes schemas with kubeconform. No package-lock.json is exported: commit the one your first {{code "npm install"}} writes.

## Provenance

| | |
|---|---|
| Design | {{designName}} |
| Design fingerprint | {{code fingerprint}} (FNV-1a of the design document) |
| Design format version | {{schemaVersion}} |
| Archway version | {{code archwayVersion}} |
`;
