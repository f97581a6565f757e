// `pnpm bench`: every benchmark in turn; `pnpm bench NAME [flags]`: that one only, with its flags
// (`pnpm bench channels --help` lists them). pnpm appends whatever follows `pnpm bench` here.
import { ROOT } from "./lib/paths.mjs";
import { ensurePnpm, pnpmArgs } from "./lib/pnpm.mjs";
import { run } from "./lib/run.mjs";

/** Each bench by name: the workspace and the script that runs it. */
const BENCHES = {
  cursors: ["@whiteboard/server", "bench:cursors"],
  sse: ["@whiteboard/server", "bench:sse"],
  big: ["@whiteboard/server", "bench:big"],
  channels: ["@whiteboard/server", "bench:channels"],
  frames: ["@whiteboard/e2e", "bench"],
};
/** No name: the server's benches (its `bench` script runs them all), then the browser's. */
const EVERY = [
  ["@whiteboard/server", "bench"],
  ["@whiteboard/e2e", "bench"],
];

const USAGE = `usage: pnpm bench [${Object.keys(BENCHES).join(" | ")}] [flags]
  no name: every benchmark, each with its defaults
  a name:  that benchmark only; the flags go to it (pnpm bench channels --help)`;

const [name, ...flags] = process.argv.slice(2).filter((arg) => arg !== "--");
if (name === "--help" || name === "-h") {
  console.log(USAGE);
  process.exit(0);
}
if (name !== undefined && !Object.hasOwn(BENCHES, name)) {
  console.error(`${name.startsWith("-") ? "flags need a benchmark's name first" : `no benchmark named ${name}`}\n\n${USAGE}`);
  process.exit(2);
}

const pnpm = await ensurePnpm();
const runs = name === undefined ? EVERY.map((bench) => [...bench, []]) : [[...BENCHES[name], flags]];
for (const [workspace, script, args] of runs) {
  const [command, commandArgs] = pnpmArgs(pnpm, ["--filter", workspace, "run", script, ...args]);
  const code = await run(command, commandArgs, { cwd: ROOT });
  if (code !== 0) process.exit(code);
}
