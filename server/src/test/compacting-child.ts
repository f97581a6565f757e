/**
 * The server as `main.ts` runs it, but folding its boards' logs after a few dozen updates, so a
 * SIGKILL in the crash-loop test lands during compaction as often as not. Run from source with
 * tsx's loader (see `startCompactingChild`).
 */
import { pino } from "pino";
import { buildApp } from "../app.js";

const app = await buildApp({
  dataDir: process.env.DATA_DIR!,
  logger: pino({ level: "info" }),
  rooms: { compactMinBytes: 0, compactLogRatio: 0.02, compactMaxRows: 40, compactQuietMs: 200 },
});
const url = await app.listen(0, "127.0.0.1");
app.http.log.info(`listening on ${url.href.replace(/\/$/, "")}`);
