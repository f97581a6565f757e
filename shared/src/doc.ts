/**
 * The document model both sides use: how an element lives in a board's `Y.Doc` (SPEC,
 * "Document model (Yjs)"), how to write one, and how to read one written by anybody.
 */
export * from "./element.js";
export * from "./element-read.js";
export * from "./element-extent.js";
export * from "./element-id.js";
export * from "./doc-quantise.js";
export * from "./doc-order.js";
export * from "./doc-stroke.js";
export * from "./element-edit.js";
