import { fileURLToPath } from "node:url";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { buildApp } from "./app.js";

/** Shutdown gets this long to drain before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const result = loadConfig(process.env);
if (!result.ok) {
  console.error(`whiteboard: invalid configuration\n${result.errors.map((e) => `  ${e}`).join("\n")}`);
  process.exit(1);
}
const { config } = result;
const logger = createLogger(config.logLevel);

const app = await buildApp({
  dataDir: config.dataDir,
  logger,
  allowedOrigins: config.allowedOrigins,
  trustProxy: config.trustProxy,
  ...(config.adminToken !== undefined ? { adminToken: config.adminToken } : {}),
  clientDir: fileURLToPath(new URL("../../client/dist", import.meta.url)),
  ...(config.tls ? { tls: config.tls } : {}),
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const timer = setTimeout(() => {
    logger.error("shutdown timed out; exiting");
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  try {
    await app.close();
    logger.info("stopped");
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "shutdown failed");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

try {
  const url = await app.listen(config.port, config.host);
  const shown = `${url.protocol}//${config.host.includes(":") ? `[${config.host}]` : config.host}:${url.port}`;
  logger.info({ dataDir: config.dataDir }, `listening on ${shown}`);
} catch (err) {
  logger.fatal({ err }, "could not start");
  await app.close();
  process.exit(1);
}
