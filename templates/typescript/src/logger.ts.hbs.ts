/** Template of src/logger.ts: JSON logs on standard output through pino. */
export default String.raw`import { pino, type Logger } from "pino";

export type { Logger };

/** One JSON object per line with an ISO time and a textual level, ready for any log collector. */
export function createLogger(serviceId: string, level: string): Logger {
  return pino({
    level,
    base: { service: serviceId },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  });
}
`;
