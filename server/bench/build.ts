import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ourServerEntry } from "./servers.js";

/**
 * `npm run build`'s script: installs what is missing and rebuilds only what is stale, so benching
 * right after an edit measures the edit, and a second run costs a second or two. Its output goes
 * to stderr, leaving stdout to the table.
 */
export async function buildServer(repoRoot: string): Promise<void> {
  const script = path.join(repoRoot, "scripts", "build.mjs");
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: repoRoot, stdio: ["ignore", 2, 2] });
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`node scripts/build.mjs failed (exit ${code}); fix the build, or bench the existing server/dist with --no-build`);
}

export function assertServerBuilt(repoRoot: string): void {
  const entry = ourServerEntry(repoRoot);
  if (!existsSync(entry)) {
    throw new Error(`${path.relative(repoRoot, entry)} is missing: build the server first (npm run build)`);
  }
}
