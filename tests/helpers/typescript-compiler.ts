import path from "node:path";
import ts from "typescript";
import type { GeneratedFile } from "@/lib/generators";

/** Compiler options of a generated service (its tsconfig.json), for in-process checks. */
export const SERVICE_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Libraries of the generated packages that this repository does not install. Their imports stay
 * unresolved (and typed `any`) in the in-process check; the runtime test type-checks against the real ones.
 */
export const UNINSTALLED_SERVICE_LIBRARIES = ["cockatiel", "ioredis", "pino", "prom-client"];

const CANNOT_FIND_MODULE = 2307;

/**
 * Syntax errors of a file compiled alone (isolated modules), as transpileModule reports them. Texts
 * already found clean are not compiled again: most modules are identical in every generated package.
 */
export function createSyntaxChecker() {
  const clean = new Set<string>();
  return function syntaxErrors(file: GeneratedFile): string[] {
    if (clean.has(file.contents)) return [];
    const output = ts.transpileModule(file.contents, {
      fileName: file.path,
      reportDiagnostics: true,
      compilerOptions: { ...SERVICE_COMPILER_OPTIONS, isolatedModules: true },
    });
    const errors = (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    if (errors.length === 0) clean.add(file.contents);
    return errors;
  };
}

/**
 * Type-checks generated packages in memory. The files are mounted under a folder of this repository
 * (never written), so imports of zod, pg and @types/node resolve to the repository's node_modules.
 * Library files and unchanged generated files are parsed once and shared between programs, and a file
 * is checked only the first time its path and text are seen: modules that do not depend on the design
 * are byte-identical in every package, so they are checked once per test run.
 */
export function createPackageChecker(repositoryRoot: string) {
  const mount = path.join(repositoryRoot, ".typescript-check");
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const checked = new Set<string>();
  const baseHost = ts.createCompilerHost(SERVICE_COMPILER_OPTIONS, true);
  let previous: ts.Program | undefined;

  return function typeErrors(files: readonly GeneratedFile[]): string[] {
    const memory = new Map(files.map((file) => [path.join(mount, file.path), file.contents]));
    const host: ts.CompilerHost = {
      ...baseHost,
      fileExists: (fileName) => memory.has(fileName) || baseHost.fileExists(fileName),
      readFile: (fileName) => memory.get(fileName) ?? baseHost.readFile(fileName),
      directoryExists: (directory) =>
        [...memory.keys()].some((fileName) => fileName.startsWith(`${directory}${path.sep}`)) || (baseHost.directoryExists?.(directory) ?? false),
      getSourceFile: (fileName, languageVersion) => {
        const text = memory.get(fileName);
        const key = text === undefined ? fileName : `${fileName}\0${text}`;
        if (!parsed.has(key)) {
          parsed.set(key, text === undefined ? baseHost.getSourceFile(fileName, languageVersion) : ts.createSourceFile(fileName, text, languageVersion, true));
        }
        return parsed.get(key);
      },
      getCurrentDirectory: () => repositoryRoot,
    };
    const roots = [...memory.keys()].filter((fileName) => fileName.endsWith(".ts"));
    const program = ts.createProgram({ rootNames: roots, options: SERVICE_COMPILER_OPTIONS, host, oldProgram: previous });
    previous = program;
    const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    for (const fileName of roots) {
      const key = `${fileName}\0${memory.get(fileName)}`;
      if (checked.has(key)) continue;
      const source = program.getSourceFile(fileName);
      if (!source) throw new Error(`${fileName} is not part of the program`);
      const fileDiagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      if (fileDiagnostics.length === 0) checked.add(key);
      diagnostics.push(...fileDiagnostics);
    }
    return diagnostics
      .filter(
        (diagnostic) =>
          !(
            diagnostic.code === CANNOT_FIND_MODULE &&
            UNINSTALLED_SERVICE_LIBRARIES.some((library) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n").includes(`'${library}'`))
          ),
      )
      .map((diagnostic) => {
        const where = diagnostic.file ? `${path.relative(mount, diagnostic.file.fileName)}: ` : "";
        return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
      });
  };
}

/**
 * Where design text occurs in a TypeScript file outside a string literal: the file's text with every
 * string literal blanked out must not contain `marker`, and every literal that contains it must decode
 * to exactly one of `names` (so a name is never split, concatenated or evaluated).
 */
export function nameLeaks(file: GeneratedFile, marker: string, names: ReadonlySet<string>): string[] {
  const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.ES2022, true);
  const leaks: string[] = [];
  let blanked = file.contents;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) {
      const start = node.getStart(source);
      blanked = `${blanked.slice(0, start)}${" ".repeat(node.end - start)}${blanked.slice(node.end)}`;
      if (node.text.includes(marker) && !names.has(node.text)) leaks.push(`a literal holds part of a name: ${node.getText(source).slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (blanked.includes(marker)) leaks.push(`a name appears outside a string literal near: ${blanked.slice(Math.max(0, blanked.indexOf(marker) - 40), blanked.indexOf(marker) + 40)}`);
  return leaks;
}
