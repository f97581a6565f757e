import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
}

const SCRIPT = fileURLToPath(new URL("../../../scripts/dev-certificate.mjs", import.meta.url));

let made: TestCertificate | undefined;

/**
 * A self-signed certificate for localhost and 127.0.0.1, made once per test process by the
 * README's own script.
 */
export function testCertificate(): TestCertificate {
  if (made) return made;
  // Made before any test runs (at import), so not in a test's temporary directory.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "whiteboard-tls-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  execFileSync(process.execPath, [SCRIPT, dir], { stdio: "ignore", env: { ...process.env, CERT_DAYS: "2" } });
  const certFile = path.join(dir, "cert.pem");
  const keyFile = path.join(dir, "key.pem");
  made = { certFile, keyFile, cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
  return made;
}
