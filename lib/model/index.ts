export * from "./design";
export * from "./parse";
export * from "./factory";
export * from "./ids";
export * from "./citation";
export { migrateDesignDocument, DesignVersionError } from "./migrate";
export { minimizeDesign } from "./minimize";
export { PlacementSchema, type Placement } from "./placements";
