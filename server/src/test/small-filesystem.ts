import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

/** Mounting needs root (`.ci/run` has it here); elsewhere the disk-full tests say why they do not run. */
export const canMount = process.getuid?.() === 0;

/**
 * A real full disk: a small tmpfs, mounted for the test and unmounted when it ends, owned by
 * `owner` (a uid and gid) when given. Undefined, with the reason printed, where mounting fails.
 */
export function smallFilesystem(owner?: { uid: number; gid: number }): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wb-full-"));
  const options = ["size=8m", ...(owner ? [`uid=${owner.uid}`, `gid=${owner.gid}`, "mode=0700"] : [])].join(",");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "pipe" });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    console.warn(`disk-full test not run: cannot mount a tmpfs here (${String(err).split("\n")[0]})`);
    return undefined;
  }
  onTestFinished(() => {
    execFileSync("umount", ["-l", dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Fills the filesystem to the last byte; returns the filler's path. */
export function fill(dir: string): string {
  const filler = path.join(dir, "filler");
  const fd = fs.openSync(filler, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch {
    for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) fs.writeSync(fd, chunk.subarray(0, size));
      } catch {
        // Full at this size; try a smaller one.
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}
