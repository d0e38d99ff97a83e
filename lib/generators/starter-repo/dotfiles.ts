import editorconfig from "../../../templates/starter-repo/editorconfig.hbs";
import gitignore from "../../../templates/starter-repo/gitignore.hbs";
import type { GeneratedFile } from "../types";
import type { StarterRepoFacts } from "./facts";
import { environmentValues, POSTGRES_DEFAULTS } from "./local-stack";

/** A comment line: design text can hold line breaks, which would end the comment and start a setting. */
function comment(text: string): string {
  return `# ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")}`;
}

/**
 * .env.example: the Compose settings as live entries (docker compose reads .env), then, commented out, the
 * variables each service needs when it runs on the host against the published ports. Names and values come
 * from the services' plans (lib/generators/typescript/plan.ts), so they match what each service validates.
 */
function envExample(facts: StarterRepoFacts): string {
  const usesPostgres = facts.stack.stores.some((store) => store.kind === "postgres");
  const lines = [
    "# Local development settings. Copy to .env: docker compose reads it. Development values only; never commit .env.",
    ...(usesPostgres ? ["", "# PostgreSQL credentials of the Compose data stores", `POSTGRES_USER=${POSTGRES_DEFAULTS.user}`, `POSTGRES_PASSWORD=${POSTGRES_DEFAULTS.password}`] : []),
  ];
  for (const service of facts.stack.services) {
    const values = environmentValues(facts.stack, service.plan, "host");
    lines.push("", comment(`${service.plan.directory} (${service.plan.component.name}) on the host, after npm run build: export these, then npm start`));
    for (const variable of service.plan.environment) lines.push(`# ${variable.name}=${values[variable.name]}`);
  }
  return `${lines.join("\n")}\n`;
}

export function dotfiles(facts: StarterRepoFacts): GeneratedFile[] {
  return [
    { path: ".editorconfig", contents: editorconfig },
    { path: ".env.example", contents: envExample(facts) },
    { path: ".gitignore", contents: gitignore },
  ];
}
