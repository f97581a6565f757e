import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
}

let made: TestCertificate | undefined;

/** A self-signed certificate for localhost and 127.0.0.1, made once per test process with openssl. */
export function testCertificate(): TestCertificate {
  if (made) return made;
  // Made before any test runs (at import), so not in a test's temporary directory.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "whiteboard-tls-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const certFile = path.join(dir, "cert.pem");
  const keyFile = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", keyFile, "-out", certFile],
    { stdio: "ignore" },
  );
  made = { certFile, keyFile, cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
  return made;
}
