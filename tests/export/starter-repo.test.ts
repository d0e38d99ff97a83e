import { readFileSync } from "node:fs";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generators";
import { isSafeRelativePath } from "@/lib/generators/naming";
import { starterRepoFiles, starterRepoZipFiles } from "@/lib/generators/starter-repo";
import { baseObjects } from "@/lib/generators/starter-repo/kustomize";
import { toZip } from "@/lib/generators/to-zip";
import { DesignSchema, SEED_DOCUMENTS, type Design, type SeedDocument } from "@/lib/model";
import { runRules } from "@/lib/rules/run-rules";
import { markdownText } from "@/lib/generators/starter-repo/markdown";
import { starterZipFileName } from "@/lib/designer/persistence/design-file";
import { designArbitrary, fixtureDesigns, hostileName } from "../generators/support/designs";
import { checkKubernetes } from "../generators/support/kubernetes-schema";
import { ARCHWAY_TEST_VERSION, EXPORT_DESIGN, FIXED_FILES } from "./support/export-design";
import { centralDirectory } from "./support/zip-entries";

const options = { archwayVersion: ARCHWAY_TEST_VERSION };
const files = starterRepoFiles(EXPORT_DESIGN, options);
const fileAt = (path: string, from = files) => {
  const file = from.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`No ${path} in the export`);
  return file.contents;
};
const seeds = Object.fromEntries(
  Object.entries(SEED_DOCUMENTS).map(([doc, file]) => [doc, readFileSync(new URL(`../../docs/seeds/${file}`, import.meta.url), "utf8")]),
) as Record<SeedDocument, string>;

interface Kustomization {
  resources: string[];
  patches?: { target: { group: string; version: string; kind: string; name: string; namespace?: string }; patch: string }[];
}

describe("the starter repository of a design", () => {
  it("holds the fixed files, the services as a workspace, the Terraform and the manifests as a kustomize base", () => {
    const paths = files.map((file) => file.path);
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const path of FIXED_FILES) expect(paths).toContain(path);
    for (const file of generate(EXPORT_DESIGN, "typescript")) expect(fileAt(file.path)).toBe(file.contents);
    for (const file of generate(EXPORT_DESIGN, "terraform")) expect(fileAt(`infra/terraform/${file.path}`)).toBe(file.contents);
    for (const file of generate(EXPORT_DESIGN, "kubernetes").filter((candidate) => candidate.path.endsWith(".yaml"))) {
      expect(fileAt(`deploy/k8s/base/${file.path}`)).toBe(file.contents);
    }
    expect(paths.filter((path) => path.startsWith("services/")).map((path) => path.split("/")[1])).toEqual(expect.arrayContaining(["inventory", "orders"]));
    expect(paths.some((path) => path.startsWith("services/inventory/") && path.endsWith("Dockerfile"))).toBe(true);
  });

  it("has a root package.json whose npm test runs every service's tests through npm workspaces", () => {
    const manifest = JSON.parse(fileAt("package.json"));
    expect(manifest.workspaces).toEqual(["services/*"]);
    expect(manifest.private).toBe(true);
    expect(manifest.scripts.test).toBe("npm run test --workspaces --if-present");
    expect(manifest.scripts.build).toBe("npm run build --workspaces --if-present");
    expect(manifest.scripts.typecheck).toBe("npm run typecheck --workspaces --if-present");
    expect(manifest.scripts.lint).toMatch(/--noUnusedLocals/);
  });

  it("writes a README with the diagrams, every open finding, the scores and the provenance", () => {
    const readme = fileAt("README.md");
    const [flowchart, sequence] = generate(EXPORT_DESIGN, "mermaid");
    expect(readme).toContain(`\`\`\`mermaid\n${flowchart.contents}`);
    expect(readme).toContain(`\`\`\`mermaid\n${sequence.contents}`);
    expect(readme).toMatch(/^## Findings and scores$/m);
    expect(readme).toMatch(/Overall score: \*\*\d+ \/ 100\*\*/);
    const open = runRules(EXPORT_DESIGN).findings.filter((finding) => !finding.acknowledgement);
    expect(open.length).toBeGreaterThan(0);
    for (const finding of open) expect(readme).toContain(`| ${finding.severity} | ${finding.category} | **${markdownText(finding.title)}**: ${markdownText(finding.message)} |`);
    expect(readme).toMatch(/^## Run it locally$/m);
    expect(readme).toContain("docker compose up --build");
    expect(readme).toMatch(/^## Deploy$/m);
    expect(readme).toContain(`| Archway version | \`${ARCHWAY_TEST_VERSION}\` |`);
    expect(readme).toContain("| Design | Export proof |");
  });

  it("documents every component and connection with its settings in docs/architecture.md", () => {
    const doc = fileAt("docs/architecture.md");
    for (const component of EXPORT_DESIGN.components) expect(doc).toContain(`| \`${component.id}\` | ${component.name} |`);
    expect(doc).toContain("| `orders-inventory` | Orders | Inventory | http | 5000 ms | 2 retries, exponential backoff 50-200 ms with jitter | opens at 50 % failures for 60 s, 3 trial calls | yes |");
    expect(doc).toMatch(/replicas: 2/);
    expect(doc).toMatch(/probes\.livenessPath: \/health/);
  });

  it("lists the notes drawn on the canvas in docs/architecture.md, one escaped table row each, line breaks kept", () => {
    const zoneId = EXPORT_DESIGN.zones[0]?.id;
    const hostile = "| ## Ask *ops* <script>\n- about [backups](http://x)\n\n1. `rotate` keys";
    const annotated: Design = {
      ...EXPORT_DESIGN,
      annotations: [
        { id: "note-1", kind: "note", text: "Orders must stay in the EU", position: { x: 0, y: 0 }, size: { width: 200, height: 120 }, ...(zoneId ? { zoneId } : {}) },
        { id: "note-2", kind: "note", text: hostile, position: { x: 0, y: 200 }, size: { width: 200, height: 120 } },
        { id: "rectangle-1", kind: "rectangle", text: "", position: { x: 0, y: 400 }, size: { width: 200, height: 120 } },
      ],
    };
    const doc = fileAt("docs/architecture.md", starterRepoFiles(DesignSchema.parse(annotated), options));
    const zoneName = zoneId ? EXPORT_DESIGN.zones[0].name : "none";
    expect(doc).toContain(`| Orders must stay in the EU | Note | ${zoneName} |`);
    const hostileLines = hostile.split("\n").filter((line) => line !== "").map(markdownText);
    expect(doc).toContain(`| ${hostileLines.join("<br>")} | Note | none |`);
    const notes = doc.slice(doc.indexOf("## Notes"));
    const table = notes.slice(0, notes.indexOf("\n\n", notes.indexOf("| Note | Kind")));
    expect(table.split("\n").filter((line) => line.startsWith("| ")).slice(1)).toHaveLength(2);
    expect(fileAt("docs/architecture.md")).not.toContain("## Notes");
  });

  it("is byte-identical when exported twice, and differs when the design does", () => {
    const again = starterRepoFiles(structuredClone(EXPORT_DESIGN), options);
    expect(again).toEqual(files);
    expect(Buffer.from(toZip(again)).equals(Buffer.from(toZip(files)))).toBe(true);
    const renamed = toZip(starterRepoFiles({ ...EXPORT_DESIGN, name: "Export proof 2" }, options));
    expect(Buffer.from(renamed).equals(Buffer.from(toZip(files)))).toBe(false);
  });

  it("cites seed sections that appear verbatim in the seeds", () => {
    const cited = new Set<string>();
    for (const file of files.filter((candidate) => !candidate.path.startsWith("services/"))) {
      // Markdown files escape punctuation in citations ("\\&"); the seed text is the unescaped one.
      const text = file.path.endsWith(".md") ? file.contents.replace(/\\(.)/g, "$1") : file.contents;
      for (const [, doc, section] of text.matchAll(/seed (\d{3}), "([^"]+)"/g)) {
        expect(seeds[doc as SeedDocument], `seed ${doc} "${section}" in ${file.path}`).toContain(section);
        cited.add(`${doc}:${section}`);
      }
    }
    expect(cited).toContain("003:Multi-Environment Namespace Strategy");
    expect(cited).toContain("003:GitHub Actions Workflow");
    expect(cited).toContain("003:CI/CD Pipeline");
  });
});

/** The README's text from "## Deploy" to the next second-level heading. */
function deploySection(readme: string): string {
  const start = readme.indexOf("\n## Deploy\n");
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end);
}

describe("the README's deploy section", () => {
  const readmeFor = (computePlatform: Design["settings"]["computePlatform"]) =>
    fileAt("README.md", starterRepoFiles({ ...EXPORT_DESIGN, settings: { ...EXPORT_DESIGN.settings, computePlatform } }, options));

  it("on ECS Fargate deploys with Terraform and offers the Kubernetes manifests as the way to move to EKS", () => {
    const deploy = deploySection(readmeFor("ecs-fargate"));
    const [steps, option] = deploy.split("\n### ");
    expect(steps).toContain("runs its services on Amazon ECS on Fargate");
    expect(steps).toMatch(/^1\. \*\*Images\*\*/m);
    expect(steps).toMatch(/^2\. \*\*Infrastructure and services\*\* \(`infra\/terraform\/`, AWS `us-east-1`\): `terraform init`, `terraform plan`, `terraform apply`, setting `container_registry`/m);
    expect(steps).not.toContain("kubectl");
    expect(option).toMatch(/^Also generated: Kubernetes manifests, if you move to Amazon EKS\n/);
    expect(option).toContain("kubectl apply -k deploy/k8s/overlays/dev");
    expect(option).toContain("| `deploy/k8s/overlays/prod` |");
  });

  it("on EKS deploys the cluster with Terraform, then the workloads with kubectl and kustomize, and explains the move to ECS", () => {
    const deploy = deploySection(readmeFor("eks"));
    const [steps, option] = deploy.split("\n### ");
    expect(steps).toContain("runs its services on Amazon EKS");
    expect(steps).toContain('`aws eks update-kubeconfig --region us-east-1 --name "$(terraform output -raw eks_cluster_name)"`');
    expect(steps).toMatch(/^3\. \*\*Kubernetes\*\* \(`deploy\/k8s\/`\)/m);
    expect(steps).toContain("kubectl apply -k deploy/k8s/overlays/dev");
    expect(steps).toContain("| `deploy/k8s/overlays/prod` |");
    expect(steps).not.toContain("container_registry");
    expect(option).toMatch(/^If you move to Amazon ECS on Fargate\n/);
    expect(option).toContain("this export holds no ECS resources");
    expect(option).toContain("compute platform to ECS Fargate");
    expect(option).not.toContain("kubectl");
  });

  it("names the Terraform variables for images only when there are services to run", () => {
    const dataOnly = { ...EXPORT_DESIGN, components: EXPORT_DESIGN.components.filter((component) => component.kind !== "service"), connections: [] };
    expect(deploySection(fileAt("README.md", starterRepoFiles(dataOnly, options)))).not.toContain("container_registry");
  });
});

describe("the zip's top-level folder", () => {
  const foldersOf = (design: Design) => new Set(starterRepoZipFiles(design, options).map((file) => file.path.split("/")[0]));

  it("holds every file of the starter repository, at the same path below it", () => {
    const entries = starterRepoZipFiles(EXPORT_DESIGN, options);
    expect(entries).toEqual(files.map((file) => ({ path: `export-proof/${file.path}`, contents: file.contents })));
    expect(Object.keys(unzipSync(toZip(entries))).sort()).toEqual(entries.map((file) => file.path));
  });

  it.each([
    ["Checkout (prod) – Été 2026", "checkout-prod-ete-2026"],
    ['Checkout "prod"\n../../etc', "checkout-prod-etc"],
    ["OrdersAPI", "orders-api"],
    ["  --Orders__API--  ", "orders-api"],
    ["../..", "archway-design"],
    ["日本語", "archway-design"],
    ["x".repeat(100), "x".repeat(60)],
  ])("is named after the design: %j becomes %j, and the download is named like it", (name, folder) => {
    expect([...foldersOf({ ...EXPORT_DESIGN, name })]).toEqual([folder]);
    expect(starterZipFileName(name)).toBe(`${folder}-starter.zip`);
  });

  it("matches the workspace root package's name", () => {
    const root = starterRepoZipFiles({ ...EXPORT_DESIGN, name: "Shop: Checkout!" }, options).find((file) => file.path === "shop-checkout/package.json");
    expect(JSON.parse(root!.contents).name).toBe("shop-checkout");
  });
});

describe("kustomize layout", () => {
  it.each(fixtureDesigns().concat([{ name: "export-proof", design: EXPORT_DESIGN }]))("$name: the base lists every manifest, each passing the strict Kubernetes 1.36 schemas", ({ design }) => {
    const exported = starterRepoFiles(design, options);
    const base = exported.filter((file) => file.path.startsWith("deploy/k8s/base/") && file.path.endsWith(".yaml") && !file.path.endsWith("/kustomization.yaml"));
    const kustomization = parse(fileAt("deploy/k8s/base/kustomization.yaml", exported)) as Kustomization;
    expect(kustomization.resources.map((resource) => `deploy/k8s/base/${resource}`)).toEqual(base.map((file) => file.path));
    const { documents, problems } = checkKubernetes(base);
    expect(problems).toEqual([]);
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(fixtureDesigns().concat([{ name: "export-proof", design: EXPORT_DESIGN }]))("$name: the overlays patch only objects that exist in the base", ({ design }) => {
    const exported = starterRepoFiles(design, options);
    const objects = baseObjects(exported.filter((file) => file.path.startsWith("deploy/k8s/base/") && file.path.endsWith(".yaml") && !file.path.endsWith("/kustomization.yaml")));
    const workloads = objects.filter((object) => object.kind === "Deployment" && (object.component === "service" || object.component === "worker"));
    for (const overlay of ["dev", "staging", "prod"]) {
      const kustomization = parse(fileAt(`deploy/k8s/overlays/${overlay}/kustomization.yaml`, exported)) as Kustomization;
      expect(kustomization.resources).toEqual(["../../base"]);
      for (const { target, patch } of kustomization.patches ?? []) {
        const match = objects.find(
          (object) => object.kind === target.kind && object.name === target.name && object.namespace === target.namespace && object.apiVersion === (target.group ? `${target.group}/${target.version}` : target.version),
        );
        expect(match, `${overlay} patches ${JSON.stringify(target)}`).toBeDefined();
        expect(parse(patch)).toEqual(expect.arrayContaining([expect.objectContaining({ op: "add" })]));
        if (target.kind === "Deployment") {
          const autoscaled = objects.some((object) => object.scaleTarget === target.name && object.namespace === target.namespace);
          const setsReplicas = (parse(patch) as { path: string }[]).some((operation) => operation.path === "/spec/replicas");
          expect(setsReplicas, `${overlay} sets the replicas of ${target.name}`).toBe(!autoscaled);
        }
      }
      const patchedDeployments = (kustomization.patches ?? []).filter((entry) => entry.target.kind === "Deployment").length;
      expect(patchedDeployments).toBe(overlay === "prod" ? 0 : workloads.length);
    }
  });

  it("sizes dev and staging after 003's namespace table", () => {
    const dev = parse(fileAt("deploy/k8s/overlays/dev/kustomization.yaml")) as Kustomization;
    const staging = parse(fileAt("deploy/k8s/overlays/staging/kustomization.yaml")) as Kustomization;
    const deploymentPatch = (kustomization: Kustomization) => parse(kustomization.patches!.find((entry) => entry.target.name === "orders" && entry.target.kind === "Deployment")!.patch);
    const hpaPatch = (kustomization: Kustomization) => parse(kustomization.patches!.find((entry) => entry.target.name === "orders" && entry.target.kind === "HorizontalPodAutoscaler")!.patch);
    expect(deploymentPatch(dev)).toEqual([
      { op: "add", path: "/spec/template/spec/containers/0/resources", value: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "500m", memory: "512Mi" } } },
    ]);
    expect(hpaPatch(dev)).toEqual([
      { op: "add", path: "/spec/minReplicas", value: 1 },
      { op: "add", path: "/spec/maxReplicas", value: 1 },
    ]);
    expect(deploymentPatch(staging)[0].value.limits).toEqual({ cpu: "500m", memory: "1Gi" });
    expect(hpaPatch(staging)).toEqual([
      { op: "add", path: "/spec/minReplicas", value: 2 },
      { op: "add", path: "/spec/maxReplicas", value: 2 },
    ]);
    expect(fileAt("deploy/k8s/base/README.md")).not.toContain("kubectl apply -R");
  });
});

describe("docker-compose.yml, CI workflow and dotfiles", () => {
  it("runs every service with the design's PostgreSQL and Redis, wired by name", () => {
    const compose = parse(fileAt("docker-compose.yml"), { version: "1.1" }) as { services: Record<string, Record<string, unknown>> };
    expect(Object.keys(compose.services).sort()).toEqual(["inventory", "orders", "postgresql", "redis"]);
    const orders = compose.services.orders as { build: { context: string }; environment: Record<string, string>; depends_on: Record<string, unknown>; ports: string[] };
    expect(orders.build.context).toBe("./services/orders");
    expect(orders.environment).toMatchObject({ PORT: "8080", REDIS_URL: "redis://redis:6379", INVENTORY_URL: "http://inventory:8081" });
    expect(orders.environment.DATABASE_URL).toMatch(/@postgresql:5432\/postgres$/);
    expect(Object.keys(orders.depends_on).sort()).toEqual(["postgresql", "redis"]);
    expect(compose.services.postgresql.image).toBe("postgres:15-alpine");
    expect(compose.services.redis.image).toBe("redis:7-alpine");
  });

  it("gives a queue its own Redis and publishes clashing ports on distinct host ports", () => {
    const design = structuredClone(EXPORT_DESIGN) as Design;
    const input = {
      ...design,
      components: [...design.components, { id: "jobs", kind: "queue", name: "Jobs", position: { x: 0, y: 0 }, config: {} }, { id: "mailer", kind: "worker", name: "Mailer", position: { x: 0, y: 0 }, config: {} }],
      connections: [...design.connections, { id: "orders-jobs", source: "orders", target: "jobs", protocol: "async" }, { id: "jobs-mailer", source: "jobs", target: "mailer", protocol: "async" }],
    };
    const exported = starterRepoFiles(DesignSchema.parse(input), options);
    const compose = parse(fileAt("docker-compose.yml", exported), { version: "1.1" }) as { services: Record<string, { ports: string[]; environment?: Record<string, string> }> };
    expect(Object.keys(compose.services).sort()).toEqual(["inventory", "jobs", "mailer", "orders", "postgresql", "redis"]);
    expect(compose.services.mailer.environment?.JOBS_QUEUE_URL).toBe("redis://jobs:6379");
    const hostPorts = Object.values(compose.services).flatMap((service) => service.ports.map((port) => port.split(":")[0]));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    expect(fileAt("docker-compose.yml", exported)).toContain("A queue runs on Redis here");
  });

  it("has a CI workflow that installs, lints, type-checks, tests, builds images and checks Terraform and Kubernetes", () => {
    const workflow = parse(fileAt(".github/workflows/ci.yml"), { version: "1.1" }) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { run?: string; uses?: string }[]; strategy?: { matrix: Record<string, string[]> } }>;
    };
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "workflow_dispatch"]);
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ""));
    for (const command of ["npm install --no-audit --no-fund", "npm run lint", "npm run typecheck", "npm test", "npm run build", "terraform validate"]) expect(runs).toContain(command);
    expect(runs.some((run) => run.startsWith("terraform fmt -check"))).toBe(true);
    expect(runs.some((run) => run.startsWith("docker build"))).toBe(true);
    expect(runs.some((run) => run.includes("kubeconform") && run.includes("-strict"))).toBe(true);
    expect(workflow.jobs.images.strategy?.matrix.service).toEqual(["orders", "inventory"]);
    expect(workflow.jobs.kubernetes.strategy?.matrix.overlay).toEqual(["dev", "staging", "prod"]);
  });

  it("lists each service's variables in .env.example and ignores .env", () => {
    const example = fileAt(".env.example");
    expect(example).toMatch(/^POSTGRES_PASSWORD=postgres$/m);
    expect(example).toMatch(/^# INVENTORY_URL=http:\/\/localhost:8081$/m);
    expect(example).toMatch(/^# REDIS_URL=redis:\/\/localhost:6379$/m);
    expect(fileAt(".gitignore")).toMatch(/^\.env$/m);
    expect(fileAt(".editorconfig")).toMatch(/^root = true$/m);
  });
});

describe("hostile names", () => {
  it("never put an entry outside the root, and never break the Markdown, YAML or JSON files (property)", () => {
    fc.assert(
      fc.property(designArbitrary({ maxComponents: 6 }), hostileName, (design, description) => {
        const withDescription = { ...design, description };
        const exported = starterRepoFiles(withDescription, options);
        const zip = toZip(starterRepoZipFiles(withDescription, options));
        const folders = new Set<string>();
        for (const entry of centralDirectory(zip)) {
          expect(isSafeRelativePath(entry.name), entry.name).toBe(true);
          expect(entry.unixMode).toBe(0o100644);
          folders.add(entry.name.split("/")[0]);
        }
        expect(folders.size).toBe(1);
        const [folder] = folders;
        expect(folder).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(Object.keys(unzipSync(zip)).sort()).toEqual(exported.map((file) => `${folder}/${file.path}`));
        for (const path of ["docker-compose.yml", ".github/workflows/ci.yml", ...exported.filter((file) => file.path.startsWith("deploy/k8s/") && file.path.endsWith(".yaml")).map((file) => file.path)]) {
          for (const document of parseAllDocuments(fileAt(path, exported), { version: "1.1" })) expect(document.errors, path).toEqual([]);
        }
        expect(JSON.parse(fileAt("package.json", exported)).workspaces).toEqual(["services/*"]);
        // A name can change what a line says but never how many lines there are: no name starts a block.
        const tame = starterRepoFiles(tamed(withDescription), options);
        for (const path of ["README.md", "docs/architecture.md", ".env.example"]) {
          expect(fileAt(path, exported).split("\n").length, path).toBe(fileAt(path, tame).split("\n").length);
        }
        expect(strFromU8(unzipSync(zip)[`${folder}/README.md`])).toBe(fileAt("README.md", exported));
      }),
      { numRuns: 50 },
    );
  });

  it("notes never add or remove a line of docs/architecture.md, however hostile and however many lines (property)", () => {
    const noteText = fc.array(hostileName, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(designArbitrary({ maxComponents: 4 }), fc.array(noteText, { maxLength: 4 }), (design, texts) => {
        const annotations = texts.map((text, index) => ({ id: `note-x${index}`, kind: "note" as const, text, position: { x: 0, y: 0 }, size: { width: 200, height: 120 } }));
        const parsed = DesignSchema.safeParse({ ...design, annotations });
        if (!parsed.success) return;
        const tame = { ...parsed.data, annotations: parsed.data.annotations.map((annotation) => ({ ...annotation, text: annotation.text.trim() === "" ? "" : "tame" })) };
        const lines = (subject: Design) => fileAt("docs/architecture.md", starterRepoFiles(subject, options)).split("\n").length;
        expect(lines(parsed.data)).toBe(lines(tame));
      }),
      { numRuns: 40 },
    );
  });
});

/** The same design with every display name replaced by plain text of one word. */
function tamed(design: Design): Design {
  return {
    ...design,
    name: "tame",
    description: markdownText(design.description).length > 0 ? "tame" : "",
    components: design.components.map((component) => ({ ...component, name: "tame" })),
    zones: design.zones.map((zone) => ({ ...zone, name: "tame" })),
    connections: design.connections.map((connection) => (connection.label === undefined ? connection : { ...connection, label: "tame" })),
  };
}
