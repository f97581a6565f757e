import path from "node:path";
import { z } from "zod";

/** Everything the server reads from its environment, validated once, at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  allowedOrigins: string[];
  logLevel: LogLevel;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const origin = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
    } catch {
      return false;
    }
  },
  { error: (issue) => `"${String(issue.input)}" is not an origin such as https://example.com (scheme, host, optional port; no path or trailing slash)` },
);

const envSchema = z.object({
  PORT: z
    .string()
    .default("3000")
    .refine((v) => /^\d+$/.test(v) && Number(v) <= 65535, {
      error: (issue) => `must be an integer from 0 to 65535, got "${String(issue.input)}"`,
    })
    .transform(Number),
  HOST: z.string().trim().min(1, { error: "must not be empty" }).default("127.0.0.1"),
  DATA_DIR: z.string().trim().min(1, { error: "must not be empty" }).default("./data"),
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(origin)),
  // The storage and fan-out seams exist (Store, the room registry); the PostgreSQL and Redis
  // implementations do not yet. Refusing to start beats silently ignoring a setting that an
  // operator believes makes instances share their boards.
  DATABASE_URL: z
    .string()
    .default("")
    .refine((v) => v === "", { error: "PostgreSQL storage is not available in this build yet; leave DATABASE_URL empty for SQLite in DATA_DIR" }),
  REDIS_URL: z
    .string()
    .default("")
    .refine((v) => v === "", { error: "Redis fan-out is not available in this build yet; leave REDIS_URL empty for in-process fan-out" }),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/**
 * Reads the configuration from an environment. An empty variable counts as unset, as shells and
 * compose files often pass `VAR=` for "not given".
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ConfigResult {
  const present: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") present[key] = value;
  }
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: path.resolve(cwd, e.DATA_DIR),
      allowedOrigins: e.ALLOWED_ORIGINS,
      logLevel: e.LOG_LEVEL,
    },
  };
}
