export * from "./design";
export * from "./annotations";
export * from "./parse";
export * from "./factory";
export * from "./ids";
export * from "./citation";
export { migrateDesignDocument, DesignVersionError } from "./migrate";
export { minimizeDesign } from "./minimize";
export { canonicalDesignText } from "./canonical";
