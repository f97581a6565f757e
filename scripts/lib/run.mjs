import { spawn } from "node:child_process";

// `npm test --silent` exports npm_config_loglevel=silent, which pnpm would obey too and hide
// every suite's output. Only npm's own chatter is meant to be silenced.
delete process.env.npm_config_loglevel;

/** Runs a command with inherited output; resolves with its exit code (never rejects on failure). */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Like `run`, but a non-zero exit ends this script with a message. */
export async function must(command, args, options = {}) {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n✗ ${[command, ...args].join(" ")} exited with ${code}`);
    process.exit(code);
  }
}
