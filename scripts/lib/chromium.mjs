import fs from "node:fs";
import { run } from "./run.mjs";

const CANDIDATES = () => [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);

export function findChromium() {
  return CANDIDATES().find((candidate) => fs.existsSync(candidate));
}

/**
 * The browser for the e2e suite: `CHROMIUM_PATH`, then Debian's. Playwright cannot download its
 * own build here, so when none is found Debian's `chromium` package is installed (as root, or
 * through passwordless sudo).
 */
export async function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  console.log("• no Chromium found: installing Debian's chromium package");
  const asRoot = process.getuid?.() === 0;
  const apt = (args) => (asRoot ? run("apt-get", args) : run("sudo", ["-n", "apt-get", ...args]));
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if ((await apt(["update", "-qq"], { env })) !== 0 || (await apt(["install", "-y", "-qq", "chromium"], { env })) !== 0) {
    throw new Error("could not install Chromium; install it yourself or set CHROMIUM_PATH");
  }
  const installed = findChromium();
  if (!installed) throw new Error("Chromium was installed but not found at /usr/bin/chromium; set CHROMIUM_PATH");
  return installed;
}
