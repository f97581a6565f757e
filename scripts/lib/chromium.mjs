import fs from "node:fs";
import { aptInstall } from "./apt.mjs";

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
  if (!(await aptInstall(["chromium"]))) {
    throw new Error("could not install Chromium; install it yourself or set CHROMIUM_PATH");
  }
  const installed = findChromium();
  if (!installed) throw new Error("Chromium was installed but not found at /usr/bin/chromium; set CHROMIUM_PATH");
  return installed;
}
