/**
 * How every template is compiled. `noEscape` because the output is code, not HTML: escaping happened in the
 * view-model. `strict` makes a misspelt field an error instead of an empty string. Only the `code` helper and the
 * built-ins exist. Shared by the renderer and the precompiler, whose output must match what compile would give.
 */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: true, knownHelpers: { code: true }, knownHelpersOnly: true } as const;
