// Runs the TypeScript worker when the server runs from source (tests, benches under tsx): a
// worker thread does not inherit tsx's loader, so it registers it before importing the worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
