// `npm start`: install and build what is missing, then run the server in the foreground.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildStale } from "./lib/build.mjs";
import { ROOT } from "./lib/paths.mjs";
import { ensurePnpm, installDependencies } from "./lib/pnpm.mjs";

const pnpm = await ensurePnpm();
await installDependencies(pnpm);
await buildStale(pnpm);

const server = spawn(process.execPath, [path.join(ROOT, "server/dist/main.js")], { stdio: "inherit" });
// The server shuts down gracefully on these; pass them on rather than dying before it has flushed.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("close", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
