import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("../scripts/dev-certificate.mjs", import.meta.url));

/** A self-signed certificate for localhost and 127.0.0.1 in `dir`, made by the README's script. */
export function devCertificate(dir: string): { TLS_CERT: string; TLS_KEY: string } {
  execFileSync(process.execPath, [SCRIPT, dir], { stdio: "ignore", env: { ...process.env, CERT_DAYS: "2" } });
  return { TLS_CERT: path.join(dir, "cert.pem"), TLS_KEY: path.join(dir, "key.pem") };
}
