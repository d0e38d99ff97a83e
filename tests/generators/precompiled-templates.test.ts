import { readFile } from "node:fs/promises";
import path from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { precompiledTemplatesModule } from "@/lib/generators/typescript/precompile";
import { PRECOMPILED_TEMPLATES } from "@/lib/generators/typescript/precompiled-templates";
import { TEMPLATE_OPTIONS } from "@/lib/generators/typescript/template-options";
import { templateModules } from "@/scripts/template-modules";

const root = path.resolve(__dirname, "../..");

describe("precompiled templates", () => {
  it("are up to date with templates/ (else run `npm run templates:precompile`)", async () => {
    const committed = await readFile(path.join(root, "lib/generators/typescript/precompiled-templates.ts"), "utf8");
    expect(committed).toBe(precompiledTemplatesModule(await templateModules(root)));
  });

  it("render exactly what compiling the same template gives", async () => {
    const handlebars = Handlebars.create();
    handlebars.registerHelper("code", (value: unknown) => `\`${String(value)}\``);
    const template = "{{title}}: {{#each items}}{{code name}}{{#if last}}.{{/if}}{{/each}}";
    const specification = new Function(`return ${Handlebars.precompile(template, TEMPLATE_OPTIONS)}`)() as TemplateSpecification;
    const viewModel = { title: "<b>", items: [{ name: "a", last: false }, { name: "b", last: true }] };
    expect(handlebars.template(specification)(viewModel)).toBe(handlebars.compile(template, TEMPLATE_OPTIONS)(viewModel));
    expect(handlebars.template(specification)(viewModel)).toBe("<b>: `a``b`.");
    expect(() => handlebars.template(specification)({ items: [] })).toThrow(/"title" not defined/);
    expect(PRECOMPILED_TEMPLATES.size).toBeGreaterThan(0);
  });
});
