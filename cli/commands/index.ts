import type { CliCommand } from "../types";

/** Every `archway` sub-command; adding one is its file plus a line here. */
export const COMMANDS: CliCommand[] = [];
