/**
 * How the editor's tools write elements: create each type, change, restack, copy and paste.
 * Every helper runs in one transaction that joins the caller's, so a caller that wraps calls in
 * `doc.transact(fn, origin)` gets them under its own origin (which is what per-user undo tracks).
 */
export * from "./element-write.js";
export * from "./element-create.js";
export * from "./element-update.js";
export * from "./element-order.js";
export * from "./element-copy.js";
