/**
 * The measurements in the order the report gives them, each bounded and each on servers of its
 * own; a failed one is reported and the rest still run.
 */
import type { ServerUnderTest } from "../servers.js";
import type { ChannelsArgs } from "./args.js";
import { runChangeCost, type ChangeRow } from "./change-cost.js";
import { CHANNEL_KINDS } from "./client-messages.js";
import { runIdle, type IdleResult } from "./idle.js";
import { runObserverRows, type ObserverRow } from "./observers.js";
import { runReconnect, type ReconnectResult } from "./reconnect.js";
import { runShortPolling, type ShortPollingRow } from "./short-polling.js";

export interface ChannelsOutcome {
  idle: IdleResult | undefined;
  change: ChangeRow[];
  reconnect: ReconnectResult | undefined;
  observers: ObserverRow[];
  polling: ShortPollingRow[];
  /** Measurements (or rows) that failed, each with its reason. */
  errors: string[];
}

type OnServer = (server: ServerUnderTest | undefined) => void;

async function attempt<T>(what: string, errors: string[], log: (line: string) => void, run: () => Promise<T>): Promise<T | undefined> {
  const began = performance.now();
  log(`• channels: ${what} ...`);
  try {
    const result = await run();
    log(`  done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    errors.push(`${what}: ${message}`);
    log(`  failed after ${((performance.now() - began) / 1000).toFixed(1)} s: ${message}`);
    return undefined;
  }
}

/**
 * bench-main's signal handler knows one server; with two running at once, it is handed one whose
 * `killNow` kills every live one. Each caller gets an `onServer` of its own.
 */
function sharedSignalHandler(onServer: OnServer): () => OnServer {
  const live = new Set<ServerUnderTest>();
  const publish = (): void => {
    const servers = [...live];
    const first = servers[0];
    onServer(first === undefined ? undefined : { ...first, killNow: () => servers.forEach((s) => s.killNow()) });
  };
  return () => {
    let mine: ServerUnderTest | undefined;
    return (server) => {
      if (mine !== undefined) live.delete(mine);
      mine = server;
      if (server !== undefined) live.add(server);
      publish();
    };
  };
}

export async function runSections(repoRoot: string, args: ChannelsArgs, onServer: OnServer, log: (line: string) => void): Promise<ChannelsOutcome> {
  const outcome: ChannelsOutcome = { idle: undefined, change: [], reconnect: undefined, observers: [], polling: [], errors: [] };
  const { errors } = outcome;
  const rowError = (what: string, error: string | undefined): void => {
    if (error !== undefined) errors.push(`${what}: ${error}`);
  };
  const handlerFor = sharedSignalHandler(onServer);
  const idle = (): Promise<IdleResult | undefined> =>
    attempt(`an idle minute (${args.idleSeconds} s window)`, errors, log, () => runIdle(repoRoot, handlerFor(), args.idleSeconds));
  // The idle minute is a minute of next to nothing: it runs beside the polling rows (a server of
  // its own, nearly idle too) rather than adding a minute to the run. Its figures are bytes and
  // packets, which the other server's load does not change.
  const idleBesidePolling = args.sections.includes("idle") && args.sections.includes("polling");
  let idleRun: Promise<IdleResult | undefined> | undefined;
  for (const section of args.sections) {
    switch (section) {
      case "idle":
        if (!idleBesidePolling) outcome.idle = await idle();
        break;
      case "change":
        for (const channel of CHANNEL_KINDS) {
          for (const clients of args.clientCounts) {
            const row = await attempt(`one change reaching ${clients} ${channel} clients`, errors, log, () =>
              runChangeCost(repoRoot, handlerFor(), channel, clients, args),
            );
            if (row === undefined) continue;
            rowError(`one change reaching ${clients} ${channel} clients`, row.error);
            outcome.change.push(row);
          }
        }
        break;
      case "reconnect":
        outcome.reconnect = await attempt(`reconnecting after a ${args.dropSeconds} s drop`, errors, log, () => runReconnect(repoRoot, handlerFor(), args.dropSeconds));
        break;
      case "observers":
        outcome.observers = (await attempt(`${args.observers} observers, WebSocket against SSE`, errors, log, () => runObserverRows(repoRoot, handlerFor(), args, log))) ?? [];
        for (const row of outcome.observers) rowError(`${row.label}`, row.error);
        break;
      case "polling":
        if (idleBesidePolling) idleRun = idle();
        outcome.polling = (await attempt(`${args.pollers} pollers every ${args.pollIntervalsSeconds.join(" s and ")} s`, errors, log, () => runShortPolling(repoRoot, handlerFor(), args))) ?? [];
        for (const row of outcome.polling) rowError(`polling every ${row.intervalSeconds} s`, row.error);
        break;
      default: {
        const unknown: never = section;
        throw new Error(`unknown section ${String(unknown)}`);
      }
    }
  }
  if (idleRun !== undefined) {
    outcome.idle = await idleRun;
    outcome.idle?.notes.push("measured while the polling rows ran, on a server of its own: the machine was not idle, the three sockets were");
  }
  return outcome;
}
