import fs from "node:fs";
import { aptInstall } from "./apt.mjs";

/** The reverse proxies the README's recipes are tested with, by binary and Debian package. */
const PROXIES = [
  { binary: "/usr/bin/caddy", pkg: "caddy" },
  { binary: "/usr/sbin/nginx", pkg: "nginx-light" },
];

/**
 * Caddy and nginx for e2e/tests/reverse-proxy.spec.ts, installed from Debian when missing. The
 * suite fails without them rather than skipping: an untested recipe is what the test exists to
 * prevent.
 */
export async function ensureProxies() {
  const missing = PROXIES.filter((p) => !fs.existsSync(p.binary)).map((p) => p.pkg);
  if (missing.length === 0) return;
  console.log(`• installing ${missing.join(" and ")} for the reverse-proxy tests`);
  if (!(await aptInstall(missing))) throw new Error(`could not install ${missing.join(", ")}; install them yourself`);
}
