import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** A server under test in its own process, so it never shares an event loop with the load. */
export interface ServerProcess {
  child: ChildProcess;
  /** The last lines it printed, for the error message when it dies or never gets ready. */
  tail(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs: number): Promise<void>;
  /** How it ended, if it ended before `stop` was called: a crash under load is a result too. */
  endedEarly(): string | undefined;
  /** Every line it prints from now on, stdout and stderr alike (the loop-delay probe answers there). */
  onLine(listener: (line: string) => void): void;
  /** A line to its stdin (the loop-delay probe's requests); dropped once it has exited. */
  writeLine(line: string): void;
}

const TAIL_LINES = 30;

/** `BENCH_SERVER_LOG=file`: every line the servers print is kept there, to read what they did in a window. */
const keepLog = process.env.BENCH_SERVER_LOG || undefined;

/**
 * Starts `node [nodeArgs] script` and resolves once a line of its output gives `ready` a value
 * (the port it listens on, say). Its output is read to the end either way, so a chatty server
 * never blocks on a full pipe.
 */
export function startNodeProcess<T>(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: (line: string) => T | undefined,
  timeoutMs: number,
  nodeArgs: readonly string[] = [],
): Promise<{ server: ServerProcess; value: T }> {
  const child = spawn(process.execPath, [...nodeArgs, script], { env, stdio: ["pipe", "pipe", "pipe"] });
  // A write racing the process's exit fails with EPIPE; that is the end of the run, not a crash.
  child.stdin.on("error", () => undefined);
  const lines: string[] = [];
  const listeners: Array<(line: string) => void> = [];
  let stopping = false;
  let ended: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      if (!stopping) ended = `exited (${signal ?? code}) during the run; its last output:\n${lines.join("\n")}`;
      resolve();
    }),
  );
  const server: ServerProcess = {
    child,
    tail: () => lines.join("\n"),
    endedEarly: () => ended,
    onLine: (listener) => listeners.push(listener),
    writeLine: (line) => {
      if (child.exitCode === null && child.signalCode === null && child.stdin.writable) child.stdin.write(`${line}\n`);
    },
    stop: async (graceMs) => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      fail(new Error(`not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    function fail(err: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${err.message}; its last output:\n${server.tail()}`));
    }
    const onLine = (line: string): void => {
      if (keepLog !== undefined) appendFileSync(keepLog, `${line}\n`);
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
      for (const listener of listeners) listener(line);
      if (settled) return;
      const value = ready(line);
      if (value === undefined) return;
      settled = true;
      clearTimeout(timer);
      resolve({ server, value });
    };
    createInterface({ input: child.stdout }).on("line", onLine);
    createInterface({ input: child.stderr }).on("line", onLine);
    child.once("error", fail);
    child.once("exit", (code, signal) => fail(new Error(`exited (${signal ?? code}) before it was ready`)));
  });
}
