import fs from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** Everything the server reads from its environment, validated once, at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  allowedOrigins: string[];
  /** Addresses or CIDRs of reverse proxies whose `X-Forwarded-*` headers are believed. */
  trustProxy: string[];
  /** Enables the operators' endpoints; undefined when unset. */
  adminToken: string | undefined;
  logLevel: LogLevel;
  /** `TLS_CERT` and `TLS_KEY`, read: HTTPS with HTTP/2 and HTTP/1.1 on the one port. */
  tls: { cert: Buffer; key: Buffer } | undefined;
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

/** An IPv4 or IPv6 address, optionally with a prefix length (`10.0.0.0/8`, `::1`). */
const addressOrCidr = z.string().refine(
  (value) => {
    const [address, prefix, extra] = value.split("/");
    if (extra !== undefined || !address) return false;
    const family = isIP(address);
    if (family === 0) return false;
    if (prefix === undefined) return true;
    return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  },
  { error: (issue) => `"${String(issue.input)}" is not an IP address or CIDR such as 10.0.0.0/8` },
);

const commaList = z
  .string()
  .default("")
  .transform((v) => v.split(",").map((s) => s.trim()).filter((s) => s.length > 0));

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
  ALLOWED_ORIGINS: commaList.pipe(z.array(origin)),
  TRUST_PROXY: commaList.pipe(z.array(addressOrCidr)),
  // Compared in constant time; a short token is guessable however it is compared.
  ADMIN_TOKEN: z.string().min(16, { error: "must be at least 16 characters (a random token, e.g. openssl rand -base64 24)" }).optional(),
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
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
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
  const tls = readTls(e.TLS_CERT, e.TLS_KEY, cwd);
  if (!tls.ok) return { ok: false, errors: tls.errors };
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: path.resolve(cwd, e.DATA_DIR),
      allowedOrigins: e.ALLOWED_ORIGINS,
      trustProxy: e.TRUST_PROXY,
      adminToken: e.ADMIN_TOKEN,
      logLevel: e.LOG_LEVEL,
      tls: tls.value,
    },
  };
}

/** Both files or neither; each must be a readable PEM file, checked now rather than at the first handshake. */
function readTls(
  certPath: string | undefined,
  keyPath: string | undefined,
  cwd: string,
): { ok: true; value: Config["tls"] } | { ok: false; errors: string[] } {
  if (certPath === undefined && keyPath === undefined) return { ok: true, value: undefined };
  if (certPath === undefined) return { ok: false, errors: ["TLS_CERT: must be set with TLS_KEY (a PEM certificate for the key)"] };
  if (keyPath === undefined) return { ok: false, errors: ["TLS_KEY: must be set with TLS_CERT (the PEM private key of the certificate)"] };
  const errors: string[] = [];
  const read = (name: string, file: string, marker: string): Buffer | undefined => {
    try {
      const bytes = fs.readFileSync(path.resolve(cwd, file));
      if (!bytes.toString("latin1").includes(marker)) {
        errors.push(`${name}: ${file} is not a PEM file (no "${marker}" line)`);
        return undefined;
      }
      return bytes;
    } catch (err) {
      errors.push(`${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      return undefined;
    }
  };
  const cert = read("TLS_CERT", certPath, "-----BEGIN CERTIFICATE-----");
  const key = read("TLS_KEY", keyPath, "PRIVATE KEY-----");
  if (!cert || !key) return { ok: false, errors };
  return { ok: true, value: { cert, key } };
}
