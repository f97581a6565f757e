export * from "./api.js";
export * from "./errors.js";
export * from "./limits.js";
export * from "./doc.js";
export * from "./events.js";
export * from "./element-file.js";
export * from "./channels.js";
