import Handlebars from "handlebars";

export type Render = (template: string, viewModel: object) => string;

/** Wraps a value in a Markdown code span; refuses text that could end the span or a table cell. */
function codeSpan(value: unknown): string {
  const text = String(value);
  if (/[`|\r\n]/.test(text)) throw new Error(`The code helper got text it cannot quote safely: ${JSON.stringify(text)}`);
  return `\`${text}\``;
}

/**
 * A renderer with its own Handlebars environment (never the global one) and a fixed helper set: `code`
 * for Markdown code spans, plus the built-in if, unless and each. `noEscape` because the output is code,
 * not HTML: escaping happened in the view-model. `strict` makes a misspelt field an error instead of an
 * empty string. Each template is compiled once per renderer.
 */
export function createRenderer(): Render {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("code", codeSpan);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return (template, viewModel) => {
    let render = compiled.get(template);
    if (!render) {
      render = handlebars.compile(template, { noEscape: true, strict: true, knownHelpers: { code: true }, knownHelpersOnly: true });
      compiled.set(template, render);
    }
    return render(viewModel);
  };
}
