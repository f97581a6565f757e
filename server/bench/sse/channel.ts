/**
 * A load process's side of the IPC channel. The same shape as cursors/channel.ts, typed for this
 * bench's messages (that one is bound to the cursor bench's).
 */
import type { FromLoad } from "./messages.js";

export function report(message: FromLoad): void {
  if (process.send === undefined) throw new Error("a load process must be started by the bench coordinator (fork)");
  process.send(message);
}

export function onCommand<T>(handler: (command: T) => void): void {
  process.on("message", (message) => handler(message as T));
  // The coordinator going away (killed, crashed) must not leave load running against a server.
  process.on("disconnect", () => process.exit(0));
}

/** Turns any failure into a report and an exit, so the coordinator never waits on a dead process. */
export function fail(err: unknown): never {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  try {
    report({ type: "failure", message });
  } finally {
    process.exitCode = 1;
  }
  setTimeout(() => process.exit(1), 100);
  throw err;
}
