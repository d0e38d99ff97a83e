import Handlebars from "handlebars";
import { PRECOMPILED_TEMPLATES } from "./precompiled-templates";

export type Render = (template: string, viewModel: object) => string;

/** Wraps a value in a Markdown code span; refuses text that could end the span or a table cell. */
function codeSpan(value: unknown): string {
  const text = String(value);
  if (/[`|\r\n]/.test(text)) throw new Error(`The code helper got text it cannot quote safely: ${JSON.stringify(text)}`);
  return `\`${text}\``;
}

/**
 * A renderer with its own Handlebars environment (never the global one) and a fixed helper set: `code`
 * for Markdown code spans, plus the built-in if, unless and each (TEMPLATE_OPTIONS says how templates compile).
 * Templates come precompiled (precompiled-templates.ts): pages forbid eval, which `Handlebars.compile` needs, and
 * the same code then runs in the browser, the server and the CLI.
 */
export function createRenderer(templates: ReadonlyMap<string, TemplateSpecification> = PRECOMPILED_TEMPLATES): Render {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("code", codeSpan);
  const loaded = new Map<string, HandlebarsTemplateDelegate>();
  return (template, viewModel) => {
    let render = loaded.get(template);
    if (!render) {
      const specification = templates.get(template);
      if (!specification) throw new Error("This template is not precompiled: run `npm run templates:precompile` after changing templates/");
      render = handlebars.template(specification);
      loaded.set(template, render);
    }
    return render(viewModel);
  };
}
