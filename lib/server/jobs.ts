import { generate, generateAll, type GeneratedFile, type GeneratorTarget } from "@/lib/generators";
import { base64ByteLength } from "@/lib/generators/file-contents";
import { starterRepoZipFiles } from "@/lib/generators/starter-repo";
import { writeZip } from "@/lib/generators/to-zip";
import { parseDesign, type Design, type DesignIssue } from "@/lib/model";
import { applyEvent, finishState, PracticeEventError, scenarioById, type DrillRun, type PracticeEvent, type PracticeReport, type PracticeState } from "@/lib/practice";
import { filesInZip, importFiles, ImportError, isZip, type ImportFormat, type ImportResult, type SourceFile } from "@/lib/import";
import { diffDesigns, type DesignDiff } from "@/lib/review/diff";
import { diffOutline, type DiffSection } from "@/lib/review/format-diff";
import { boundFindings, type BoundedValidationResult } from "@/lib/rules";
import { runRules } from "@/lib/rules/run-rules";
import { optionIssues, simulate, type SimulationOptions, type SimulationResult } from "@/lib/simulation";
import { prepareNodeRasteriser } from "./picture-rasteriser";

/**
 * The job registry: every piece of heavy work the server hands to a worker thread, by name. These functions run
 * inside the worker (lib/server/job-worker.ts); their inputs and outputs cross threads by structured clone, so
 * they are plain data. Documents arrive unparsed where the request carried them, so that parsing a large body
 * happens off the request thread too.
 */

/** Sends a slice of a streamed result (the export's zip) back to the request while the job goes on. */
export type EmitPiece = (piece: Uint8Array<ArrayBuffer>) => void;

export type Parsed<T> = { status: "ok"; result: T } | { status: "invalid-design"; issues: DesignIssue[] } | { status: "invalid-options"; issues: DesignIssue[] };

function validateJob(input: { document: unknown }): Parsed<BoundedValidationResult> {
  const parsed = parseDesign(input.document);
  if (!parsed.success) return { status: "invalid-design", issues: parsed.issues };
  return { status: "ok", result: boundFindings(runRules(parsed.design)) };
}

function simulateJob(input: { document: unknown; options: SimulationOptions }): Parsed<SimulationResult> {
  const parsed = parseDesign(input.document);
  if (!parsed.success) return { status: "invalid-design", issues: parsed.issues };
  const issues = optionIssues(parsed.design, input.options);
  if (issues.length > 0) return { status: "invalid-options", issues };
  return { status: "ok", result: simulate(parsed.design, input.options) };
}

export type FilesTarget = GeneratorTarget | "all";
export interface FileIndexEntry {
  path: string;
  /** Bytes of the file: its UTF-8 text, or the decoded bytes of a base64 (binary) file. */
  size: number;
}
export type FilesRequest = { target: FilesTarget; design: Design } & ({ offset: number; limit: number } | { path: string });
export type FilesAnswer =
  | { kind: "index"; total: number; files: FileIndexEntry[] }
  | { kind: "file"; file: GeneratedFile | null }
  | { kind: "file-too-large"; file: FileIndexEntry };

/** The most one file's contents may weigh in an answer (UTF-8 bytes); the starter zip carries larger ones. */
export const MAX_FILE_ANSWER_BYTES = 16 * 1024 * 1024;

function fileSize(file: GeneratedFile): number {
  return file.encoding === "base64" ? base64ByteLength(file.contents) : Buffer.byteLength(file.contents, "utf8");
}

/** A page of the generated files' index, or one file's contents: never every file's text at once. */
async function filesJob(input: FilesRequest): Promise<FilesAnswer> {
  if (input.target === "png") await prepareNodeRasteriser(__filename);
  const files = input.target === "all" ? generateAll(input.design) : generate(input.design, input.target);
  if ("path" in input) {
    const file = files.find((candidate) => candidate.path === input.path) ?? null;
    const size = file ? fileSize(file) : 0;
    if (file && size > MAX_FILE_ANSWER_BYTES) return { kind: "file-too-large", file: { path: file.path, size } };
    return { kind: "file", file };
  }
  const page = files.slice(input.offset, input.offset + input.limit);
  return { kind: "index", total: files.length, files: page.map((file) => ({ path: file.path, size: fileSize(file) })) };
}

/** Every file of one target, for callers that want them all (the MCP generate tool); pages and single files go through filesJob. */
function generateJob(input: { design: Design; target: GeneratorTarget }): GeneratedFile[] {
  return generate(input.design, input.target);
}

/** The starter repository's zip, sent on in pieces as it is written. */
function exportJob(input: { design: Design; archwayVersion: string }, emit: EmitPiece): { bytes: number } {
  let bytes = 0;
  writeZip(starterRepoZipFiles(input.design, { archwayVersion: input.archwayVersion }), (piece) => {
    bytes += piece.byteLength;
    emit(piece);
  });
  return { bytes };
}

/** A practice step's answer; an event the scenario does not allow comes back as data, since error classes do not cross threads. */
export type PracticeStepAnswer<T> = { status: "ok"; result: T } | { status: "refused"; message: string };

function scenarioNamed(id: string) {
  const scenario = scenarioById(id);
  if (!scenario) throw new Error(`Unknown practice scenario "${id}"`);
  return scenario;
}

/** One practice event (a drill runs the simulation on the candidate's design). */
function practiceEventJob(input: { scenarioId: string; state: PracticeState; event: PracticeEvent; at: string }): PracticeStepAnswer<{ state: PracticeState; drillRun?: DrillRun }> {
  try {
    return { status: "ok", result: applyEvent(scenarioNamed(input.scenarioId), input.state, input.event, input.at) };
  } catch (error) {
    if (error instanceof PracticeEventError) return { status: "refused", message: error.message };
    throw error;
  }
}

/** Scoring a finished session: the rubric, every rule and the four drills on the final design. */
function practiceFinishJob(input: {
  scenarioId: string;
  state: PracticeState;
  design: Design;
  timing: { startedAt: Date; finishedAt: Date; durationMinutes: number };
}): { state: PracticeState; report: PracticeReport } {
  return finishState(scenarioNamed(input.scenarioId), input.state, input.design, input.timing);
}

/** Two versions compared: items, settings, findings and the simulation at one load, with the outline people read. */
function diffJob(input: { before: Design; after: Design; loadMultiplier: number }): { diff: DesignDiff; outline: DiffSection[] } {
  const diff = diffDesigns(input.before, input.after, { loadMultiplier: input.loadMultiplier });
  return { diff, outline: diffOutline(diff) };
}

/** An uploaded file: text as sent, or bytes (a zip, or a file whose encoding is checked here). */
export type UploadedFile = { path: string; text: string } | { path: string; bytes: Uint8Array };
export type ImportAnswer = { status: "ok"; result: ImportResult } | { status: "refused"; message: string; problems: { file: string; line?: number; message: string }[] };

/** Reading uploaded files into a design: zips unpacked safely, then the format detected or named. Errors come back as data. */
function importJob(input: { files: UploadedFile[]; from?: ImportFormat; name?: string }): ImportAnswer {
  try {
    const files: SourceFile[] = input.files.flatMap((file): SourceFile[] => {
      if ("text" in file) return [file];
      if (isZip(file.bytes)) return filesInZip(file.path, file.bytes);
      try {
        return [{ path: file.path, text: new TextDecoder("utf-8", { fatal: true }).decode(file.bytes) }];
      } catch {
        throw new ImportError(`${file.path} is not UTF-8 text`, [{ file: file.path, message: "Not UTF-8" }]);
      }
    });
    return { status: "ok", result: importFiles(files, { from: input.from, name: input.name }) };
  } catch (error) {
    if (error instanceof ImportError) return { status: "refused", message: error.message, problems: [...error.problems] };
    throw error;
  }
}

export const JOBS = {
  validate: validateJob,
  simulate: simulateJob,
  files: filesJob,
  generate: generateJob,
  diff: diffJob,
  import: importJob,
  export: exportJob,
  "practice-event": practiceEventJob,
  "practice-finish": practiceFinishJob,
};

export type JobName = keyof typeof JOBS;
export type JobInput<J extends JobName> = Parameters<(typeof JOBS)[J]>[0];
export type JobOutput<J extends JobName> = Awaited<ReturnType<(typeof JOBS)[J]>>;
