import { fork, type ChildProcess } from "node:child_process";
import type { FromLoad, Progress } from "./messages.js";

type Awaited = Exclude<FromLoad, Progress>;
type Waitable = Exclude<Awaited, { type: "failure" }>["type"];

/**
 * The coordinator's handle on one forked load process, as cursors/load-process.ts but generic in
 * the commands it takes: send, await the next report of a kind (bounded in time), read progress.
 * A crash or a failure report rejects whoever waits.
 */
export class LoadProcess<Command> {
  private readonly child: ChildProcess;
  private readonly inbox: Awaited[] = [];
  private waiter: { type: Waitable; resolve: (m: Awaited) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  progress: Progress = { type: "progress", open: 0, events: 0 };

  constructor(
    readonly name: string,
    modulePath: string,
  ) {
    this.child = fork(modulePath, [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.child.on("message", (message: FromLoad) => this.receive(message));
    this.child.on("error", (err) => this.fail(err));
    this.child.on("exit", (code, signal) => this.fail(new Error(`${this.name} exited (${signal ?? code}) before it reported`)));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(command: Command): void {
    if (this.child.connected) this.child.send(command as object);
  }

  next<T extends Waitable>(type: T, timeoutMs: number): Promise<Extract<Awaited, { type: T }>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const queued = this.inbox.findIndex((m) => m.type === type);
    if (queued >= 0) return Promise.resolve(this.inbox.splice(queued, 1)[0] as Extract<Awaited, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`${this.name}: no "${type}" report within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = {
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<Awaited, { type: T }>);
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

  private receive(message: FromLoad): void {
    switch (message.type) {
      case "progress":
        this.progress = message;
        return;
      case "failure":
        this.fail(new Error(`${this.name} failed: ${message.message}`));
        return;
      case "connected":
      case "result":
        if (this.waiter?.type === message.type) {
          const { resolve } = this.waiter;
          this.waiter = undefined;
          resolve(message);
        } else {
          this.inbox.push(message);
        }
        return;
      default: {
        const unknown: never = message;
        this.fail(new Error(`${this.name} sent an unknown report ${JSON.stringify(unknown)}`));
      }
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(this.failure);
  }
}
