// `node scripts/dev-certificate.mjs [dir]`: a self-signed certificate for localhost and
// 127.0.0.1, for trying HTTPS and HTTP/2 locally (README "HTTPS and HTTP/2"). Writes
// dir/cert.pem and dir/key.pem (dir defaults to .tls) and prints the two variables to set.
// The tests make theirs with this same script, so the README's step is the tested one.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve(process.argv[2] ?? ".tls");
const days = process.env.CERT_DAYS ?? "30";
fs.mkdirSync(dir, { recursive: true });
const cert = path.join(dir, "cert.pem");
const key = path.join(dir, "key.pem");
// EC P-256: small and fast to make; every browser and Node accept it.
execFileSync(
  "openssl",
  ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", days,
    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
  { stdio: ["ignore", "ignore", "inherit"] },
);
console.log(`TLS_CERT=${cert} TLS_KEY=${key}`);
