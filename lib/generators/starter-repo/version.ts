import packageJson from "../../../package.json";

/** Archway's own version, from its package.json, for the provenance line of an export. */
export const ARCHWAY_VERSION: string = packageJson.version;
