// Runs a TypeScript worker when the server runs from source (tests, benches under tsx): a worker
// thread does not inherit tsx's loader, so this registers it, then imports the entry named by
// the last argument (see start-worker.ts).
import { register } from "tsx/esm/api";

register();
await import(process.argv[process.argv.length - 1]);
