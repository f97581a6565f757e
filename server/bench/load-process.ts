import { fork, type ChildProcess } from "node:child_process";

/** What every load process may report besides its own results. */
export interface ProgressLike {
  type: "progress";
}
export interface FailureReport {
  type: "failure";
  message: string;
}

/**
 * The coordinator's handle on one forked load process: send commands, await its next report of a
 * kind (bounded in time), read its latest progress. A crash or a failure report rejects whoever
 * waits. Forked, not a worker thread: each process gets its own event loop, heap and GC, and
 * tsx's loader is inherited through execArgv (it is not, on Node 20, by worker threads).
 */
export class LoadProcess<Command, Report extends { type: string }> {
  private readonly child: ChildProcess;
  private readonly inbox: Awaitable<Report>[] = [];
  private waiter:
    | { type: Awaitable<Report>["type"]; resolve: (m: Awaitable<Report>) => void; reject: (e: Error) => void }
    | undefined;
  private failure: Error | undefined;
  /** The latest progress report; undefined until the first. */
  progress: Extract<Report, ProgressLike> | undefined;

  constructor(
    readonly name: string,
    modulePath: string,
  ) {
    this.child = fork(modulePath, [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.child.on("message", (message: Report | FailureReport) => this.receive(message));
    this.child.on("error", (err) => this.fail(err));
    this.child.on("exit", (code, signal) => this.fail(new Error(`${this.name} exited (${signal ?? code}) before it reported`)));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(command: Command): void {
    if (this.child.connected) this.child.send(command as object);
  }

  next<T extends Awaitable<Report>["type"]>(type: T, timeoutMs: number): Promise<Extract<Awaitable<Report>, { type: T }>> {
    type Wanted = Extract<Awaitable<Report>, { type: T }>;
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const queued = this.inbox.findIndex((m) => m.type === type);
    if (queued >= 0) return Promise.resolve(this.inbox.splice(queued, 1)[0] as Wanted);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`${this.name}: no "${type}" report within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = {
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Wanted);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  kill(): void {
    this.child.removeAllListeners("exit");
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }

  private receive(message: Report | FailureReport): void {
    if (isFailure(message)) {
      this.fail(new Error(`${this.name} failed: ${message.message}`));
      return;
    }
    if (message.type === "progress") {
      this.progress = message as Extract<Report, ProgressLike>;
      return;
    }
    const awaited = message as Awaitable<Report>;
    if (this.waiter?.type === awaited.type) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve(awaited);
    } else {
      this.inbox.push(awaited);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(this.failure);
  }
}

/** The reports a coordinator waits for: everything but progress and failure. */
type Awaitable<Report extends { type: string }> = Exclude<Report, ProgressLike | FailureReport>;

function isFailure(message: { type: string }): message is FailureReport {
  return message.type === "failure";
}
