import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts the worker whose entry file is `name`, beside the calling module (`import.meta.url`):
 * the compiled `.js` when the server runs from `dist`, the `.ts` source under tsx or vitest
 * (tests, benches), through a bootstrap that registers tsx, which a worker does not inherit.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  if (!callerUrl.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  return new Worker(new URL("./from-source.mjs", import.meta.url), { ...options, argv: [entry] });
}
