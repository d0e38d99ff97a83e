import type { CliCommand } from "../types";
import { diffCommand } from "./diff";
import { exportCommand } from "./export";
import { fmtCommand } from "./fmt";
import { generateCommand } from "./generate";
import { importCommand } from "./import";
import { mcpCommand } from "./mcp";
import { simulateCommand } from "./simulate";
import { templatesCommand } from "./templates";
import { validateCommand } from "./validate";

/** Every `archway` sub-command; adding one is its file plus a line here. */
export const COMMANDS: CliCommand[] = [diffCommand, exportCommand, fmtCommand, generateCommand, importCommand, mcpCommand, simulateCommand, templatesCommand, validateCommand];
