import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { testCertificate } from "./test/tls.js";

function errorsOf(env: Record<string, string>): string[] {
  const result = loadConfig(env, "/srv/wb");
  if (result.ok) throw new Error("expected the configuration to be rejected");
  return result.errors;
}

describe("loadConfig", () => {
  it("uses SPEC's defaults when nothing is set", () => {
    const result = loadConfig({}, "/srv/wb");
    expect(result).toEqual({
      ok: true,
      config: {
        port: 3000,
        host: "127.0.0.1",
        dataDir: path.resolve("/srv/wb", "data"),
        allowedOrigins: [],
        trustProxy: [],
        adminToken: undefined,
        logLevel: "info",
        tls: undefined,
      },
    });
  });

  it("reads TRUST_PROXY as addresses and CIDRs, and refuses anything else naming the variable", () => {
    const result = loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1" }, "/srv/wb");
    expect(result.ok && result.config.trustProxy).toEqual(["127.0.0.1", "10.0.0.0/8", "::1"]);
    expect(errorsOf({ TRUST_PROXY: "proxy.example" })[0]).toMatch(/^TRUST_PROXY\.0: "proxy\.example" is not an IP address/);
    expect(errorsOf({ TRUST_PROXY: "10.0.0.0/33" })[0]).toMatch(/^TRUST_PROXY/);
  });

  it("refuses an ADMIN_TOKEN short enough to guess", () => {
    expect(errorsOf({ ADMIN_TOKEN: "secret" })[0]).toMatch(/^ADMIN_TOKEN: must be at least 16/);
    const result = loadConfig({ ADMIN_TOKEN: "0123456789abcdef" }, "/srv/wb");
    expect(result.ok && result.config.adminToken).toBe("0123456789abcdef");
  });

  it("reads every variable it knows", () => {
    const result = loadConfig(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        DATA_DIR: "/var/lib/wb",
        ALLOWED_ORIGINS: "https://a.example, http://localhost:5173",
        LOG_LEVEL: "debug",
      },
      "/srv/wb",
    );
    expect(result).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: "0.0.0.0",
        dataDir: "/var/lib/wb",
        allowedOrigins: ["https://a.example", "http://localhost:5173"],
        trustProxy: [],
        adminToken: undefined,
        logLevel: "debug",
        tls: undefined,
      },
    });
  });

  it("reads TLS_CERT and TLS_KEY as PEM files, and refuses one without the other or a file it cannot use", () => {
    const { certFile, keyFile, cert, key } = testCertificate();
    const result = loadConfig({ TLS_CERT: certFile, TLS_KEY: keyFile }, "/srv/wb");
    expect(result.ok && result.config.tls).toEqual({ cert, key });
    expect(errorsOf({ TLS_CERT: certFile })).toEqual(["TLS_KEY: must be set with TLS_CERT (the PEM private key of the certificate)"]);
    expect(errorsOf({ TLS_KEY: keyFile })[0]).toMatch(/^TLS_CERT: must be set with TLS_KEY/);
    expect(errorsOf({ TLS_CERT: "/nowhere/cert.pem", TLS_KEY: keyFile })).toEqual(["TLS_CERT: cannot read /nowhere/cert.pem (ENOENT)"]);
    expect(errorsOf({ TLS_CERT: keyFile, TLS_KEY: certFile })).toEqual([
      `TLS_CERT: ${keyFile} is not a PEM file (no "-----BEGIN CERTIFICATE-----" line)`,
      `TLS_KEY: ${certFile} is not a PEM file (no "PRIVATE KEY-----" line)`,
    ]);
  });

  it("treats an empty variable as unset", () => {
    const result = loadConfig({ PORT: "", LOG_LEVEL: "" }, "/srv/wb");
    expect(result.ok && result.config.port).toBe(3000);
  });

  it("rejects a port that is not a number, quoting the bad value", () => {
    expect(errorsOf({ PORT: "abc" })).toEqual([`PORT: must be an integer from 0 to 65535, got "abc"`]);
  });

  it("rejects a port out of range", () => {
    expect(errorsOf({ PORT: "70000" })[0]).toMatch(/^PORT: /);
    expect(errorsOf({ PORT: "-1" })[0]).toMatch(/^PORT: /);
  });

  it("rejects an unknown log level, listing the valid ones", () => {
    expect(errorsOf({ LOG_LEVEL: "loud" })[0]).toMatch(/^LOG_LEVEL: must be one of fatal, error, warn, info/);
  });

  it("rejects an allowed origin that is not an origin", () => {
    expect(errorsOf({ ALLOWED_ORIGINS: "https://ok.example,https://bad.example/path" })[0]).toMatch(
      /^ALLOWED_ORIGINS.*bad\.example\/path/,
    );
  });

  it("refuses a database or Redis URL it cannot honour rather than ignoring it", () => {
    expect(errorsOf({ DATABASE_URL: "postgres://db/wb" })[0]).toMatch(/^DATABASE_URL: PostgreSQL/);
    expect(errorsOf({ REDIS_URL: "redis://cache" })[0]).toMatch(/^REDIS_URL: Redis/);
  });

  it("reports every bad variable at once", () => {
    expect(errorsOf({ PORT: "abc", LOG_LEVEL: "loud" })).toHaveLength(2);
  });
});
