/** Bounds on what one import may read, whatever the route: checked before any parser runs. */
export const IMPORT_LIMITS = {
  files: 2_000,
  /** Bytes of one file. */
  fileBytes: 5 * 1024 * 1024,
  /** Bytes of all files together. */
  totalBytes: 20 * 1024 * 1024,
} as const;
