import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./paths.mjs";
import { must } from "./run.mjs";

const TOOLS_DIR = path.join(ROOT, ".tools", "pnpm");

/** The pnpm version pinned by the root package.json's `packageManager`. */
export function pinnedPnpmVersion() {
  const { packageManager } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(packageManager ?? "");
  if (!match) throw new Error(`package.json: packageManager must pin pnpm, got ${packageManager}`);
  return match[1];
}

function globalPnpmVersion() {
  try {
    return execFileSync("pnpm", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * A command line that runs the pinned pnpm: the one on PATH when it is that version, otherwise a
 * copy installed with npm into `.tools/` (no global install, no corepack: only Node and npm are
 * assumed).
 */
export async function ensurePnpm() {
  const version = pinnedPnpmVersion();
  if (globalPnpmVersion() === version) return ["pnpm"];
  const entry = path.join(TOOLS_DIR, "node_modules", "pnpm", "bin", "pnpm.cjs");
  const installedPackage = path.join(TOOLS_DIR, "node_modules", "pnpm", "package.json");
  const installed = fs.existsSync(installedPackage) && JSON.parse(fs.readFileSync(installedPackage, "utf8")).version;
  if (installed !== version) {
    console.log(`• installing pnpm ${version} into .tools/`);
    fs.mkdirSync(TOOLS_DIR, { recursive: true });
    await must("npm", ["install", "--prefix", TOOLS_DIR, "--no-audit", "--no-fund", "--loglevel=error", `pnpm@${version}`], {
      cwd: ROOT,
    });
  }
  return [process.execPath, entry];
}

/** Installs the workspaces' dependencies exactly as the lockfile has them. */
export async function installDependencies(pnpm) {
  const [command, ...prefix] = pnpm;
  await must(command, [...prefix, "install", "--frozen-lockfile", "--prefer-offline"], {
    cwd: ROOT,
    // Only an interactive terminal should get pnpm's progress bars.
    env: { ...process.env, CI: process.env.CI ?? (process.stdout.isTTY ? "" : "true") },
  });
}

/** Runs the pinned pnpm with arguments; resolves with the exit code. */
export function pnpmArgs(pnpm, args) {
  const [command, ...prefix] = pnpm;
  return [command, [...prefix, ...args]];
}
