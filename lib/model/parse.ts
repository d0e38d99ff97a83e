import type { z } from "zod";
import { DesignSchema, type Design } from "./design";
import { DesignVersionError, migrateDesignDocument } from "./migrate";

export interface DesignIssue {
  /** Dotted path to the offending value, e.g. "components.3.config.port"; "" for the whole document. */
  path: string;
  message: string;
}

export type DesignParseResult = { success: true; design: Design } | { success: false; issues: DesignIssue[] };

export function issuesFromZod(error: z.ZodError): DesignIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** The one door into the core: migrate an untrusted document forward, then validate it. */
export function parseDesign(input: unknown): DesignParseResult {
  let migrated: unknown;
  try {
    migrated = migrateDesignDocument(input);
  } catch (error) {
    if (error instanceof DesignVersionError) return { success: false, issues: [{ path: "schemaVersion", message: error.message }] };
    throw error;
  }
  const result = DesignSchema.safeParse(migrated);
  if (result.success) return { success: true, design: result.data };
  return { success: false, issues: issuesFromZod(result.error) };
}

/** Parse JSON text from a file or request body; syntax errors become issues too. */
export function parseDesignJson(text: string): DesignParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { success: false, issues: [{ path: "", message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  return parseDesign(value);
}
