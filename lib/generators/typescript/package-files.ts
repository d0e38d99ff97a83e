import { DEVELOPMENT_DEPENDENCIES, NODE_ENGINE, RUNTIME_DEPENDENCIES } from "./dependencies";
import type { ServicePlan } from "./plan";

/** JSON files are built as objects and serialised, never templated, so no value can break their syntax. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function pick<T extends Record<string, string>>(versions: T, names: readonly (keyof T)[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, versions[name]]));
}

/** Only the libraries this service uses, so a plain service installs neither pg nor ioredis. */
export function packageJson(plan: ServicePlan): string {
  const runtime: (keyof typeof RUNTIME_DEPENDENCIES)[] = [
    ...(plan.downstream.length > 0 ? (["cockatiel"] as const) : []),
    ...(plan.cache !== null || plan.queues.length > 0 ? (["ioredis"] as const) : []),
    ...(plan.database !== null ? (["pg"] as const) : []),
    "pino",
    "prom-client",
    "zod",
  ];
  const development: (keyof typeof DEVELOPMENT_DEPENDENCIES)[] = ["@types/node", ...(plan.database !== null ? (["@types/pg"] as const) : []), "typescript"];
  return json({
    name: plan.packageName,
    version: "0.1.0",
    private: true,
    description: plan.component.name,
    type: "module",
    main: "dist/index.js",
    engines: { node: NODE_ENGINE },
    scripts: {
      build: "tsc -p tsconfig.json",
      start: "node dist/index.js",
      typecheck: "tsc -p tsconfig.test.json --noEmit",
      test: "tsc -p tsconfig.test.json && node --test dist-test/test/",
    },
    dependencies: pick(RUNTIME_DEPENDENCIES, runtime),
    devDependencies: pick(DEVELOPMENT_DEPENDENCIES, development),
  });
}

export function tsconfigJson(): string {
  return json({
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2023"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      types: ["node"],
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      forceConsistentCasingInFileNames: true,
      skipLibCheck: true,
      rootDir: "src",
      outDir: "dist",
      sourceMap: true,
    },
    include: ["src"],
  });
}

/** Sources and tests compiled together into dist-test, which `npm test` runs with node --test. */
export function tsconfigTestJson(): string {
  return json({
    extends: "./tsconfig.json",
    compilerOptions: { rootDir: ".", outDir: "dist-test", sourceMap: false },
    include: ["src", "test"],
  });
}
