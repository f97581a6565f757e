import { pino, type Logger } from "pino";
import type { LogLevel } from "./config.js";

/** JSON lines on stdout, as SPEC says; pino's default shape, so any log shipper reads them. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level });
}
