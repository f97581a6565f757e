/** A load process's side of the IPC channel; the bench coordinator is the only other party. */

export function report<Report extends { type: string }>(message: Report): void {
  if (process.send === undefined) throw new Error("a load process must be started by the bench coordinator (fork)");
  process.send(message);
}

export function onCommand<Command>(handler: (command: Command) => void): void {
  process.on("message", (message) => handler(message as Command));
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

/** The three commands every load process takes, in the order the coordinator sends them. */
export interface LoadHandlers<Connect, Schedule> {
  /** Open the connections; reports `connected` when done. */
  connect(command: Connect): Promise<void>;
  /** Start the load at the times given. */
  schedule(command: Schedule): void;
  /** Stop, and report the results. */
  finish(): void;
}

/** Serves the coordinator's commands; any failure becomes a failure report and an exit. */
export function serveCommands<Connect extends { type: "connect" }, Schedule extends { type: "schedule" }>(
  handlers: LoadHandlers<Connect, Schedule>,
): void {
  onCommand<Connect | Schedule | { type: "finish" }>((command) => {
    try {
      switch (command.type) {
        case "connect":
          handlers.connect(command as Connect).catch(fail);
          break;
        case "schedule":
          handlers.schedule(command as Schedule);
          break;
        case "finish":
          handlers.finish();
          break;
        default: {
          const unknown: never = command;
          throw new Error(`unknown command ${JSON.stringify(unknown)}`);
        }
      }
    } catch (err) {
      fail(err);
    }
  });
}
