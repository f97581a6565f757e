import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./paths.mjs";
import { must } from "./run.mjs";
import { pnpmArgs } from "./pnpm.mjs";

const SHARED_INPUTS = ["shared/src", "shared/package.json", "shared/tsconfig.json", "shared/tsconfig.build.json"];
const COMMON_INPUTS = ["tsconfig.base.json", "pnpm-lock.yaml"];

/** What `npm start` and `npm test` need built, in dependency order. */
const TARGETS = [
  { name: "@whiteboard/shared", output: "shared/dist", inputs: [...SHARED_INPUTS, ...COMMON_INPUTS] },
  {
    name: "@whiteboard/server",
    output: "server/dist",
    inputs: ["server/src", "server/package.json", "server/tsconfig.json", "server/tsconfig.build.json", ...SHARED_INPUTS, ...COMMON_INPUTS],
  },
  {
    name: "@whiteboard/client",
    output: "client/dist",
    inputs: ["client/src", "client/index.html", "client/public", "client/package.json", "client/vite.config.ts", "client/tsconfig.json", ...SHARED_INPUTS, ...COMMON_INPUTS],
  },
];

const STAMP = ".build-stamp";

function newestMtime(relative) {
  const full = path.join(ROOT, relative);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(path.join(relative, entry)));
  }
  return newest;
}

function isFresh(target) {
  const stamp = path.join(ROOT, target.output, STAMP);
  if (!fs.existsSync(stamp)) return false;
  const built = fs.statSync(stamp).mtimeMs;
  return target.inputs.every((input) => newestMtime(input) <= built);
}

/** Builds each workspace whose sources are newer than its last build; skips the rest. */
export async function buildStale(pnpm) {
  for (const target of TARGETS) {
    if (isFresh(target)) {
      console.log(`• ${target.name}: up to date`);
      continue;
    }
    console.log(`• building ${target.name}`);
    const [command, args] = pnpmArgs(pnpm, ["--filter", target.name, "run", "build"]);
    await must(command, args, { cwd: ROOT });
    fs.writeFileSync(path.join(ROOT, target.output, STAMP), new Date().toISOString() + "\n");
  }
}
