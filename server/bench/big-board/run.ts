/**
 * One (board size, server) row of the big-board bench: a fresh server, the seed put on it and
 * settled, then the live load (pens at 60 Hz beside the cursor bench's cursors and observers,
 * cursors/run.ts), the server's CPU and event-loop delay over the window, and the server stopped
 * whatever happens. Every wait is bounded: a server that cannot take the seed in time fails its
 * row instead of hanging the bench.
 */
import { editorIdentities } from "../editor-identities.js";
import { watchServerWindow, type ServerWindowFigures } from "../server-window.js";
import { startServer, type ServerKind, type ServerUnderTest } from "../servers.js";
import { cursorLoad } from "../cursors/figures.js";
import { runCursors, type CursorRunResult } from "../cursors/run.js";
import { boardSide } from "./handwriting.js";
import { penFigures, type PenFigures } from "./pen-stats.js";
import { PenLoad } from "./pens.js";
import type { Seed } from "./seed.js";
import { seedServer, type SeedConnection } from "./seeder.js";
import { settle, type Settled } from "./settle.js";

export interface BigBoardSettings {
  pens: number;
  cursors: number;
  observers: number;
  seconds: number;
  warmupSeconds: number;
}

export interface BigBoardRow {
  strokes: number;
  server: ServerKind;
  seedMs: number | undefined;
  settled: Settled | undefined;
  cursors: CursorRunResult | undefined;
  pens: PenFigures | undefined;
  pensReady: number;
  penCloses: Record<string, number>;
  /** The server's CPU, memory and event-loop delay over the window. */
  window: ServerWindowFigures | undefined;
  serverEnded: string | undefined;
  error: string | undefined;
}

/** "Well under a minute" for 50,000 strokes; past this the row fails. */
const SEED_TIMEOUT_MS = 60_000;
const SETTLE = { busyPercent: 15, stepMs: 500, maxMs: 30_000 } as const;

export async function benchBigBoard(
  kind: ServerKind,
  repoRoot: string,
  seed: Seed,
  settings: BigBoardSettings,
  onServer: (server: ServerUnderTest | undefined) => void,
): Promise<BigBoardRow> {
  const row: BigBoardRow = {
    strokes: seed.strokes,
    server: kind,
    seedMs: undefined,
    settled: undefined,
    cursors: undefined,
    pens: undefined,
    pensReady: 0,
    penCloses: {},
    window: undefined,
    serverEnded: undefined,
    error: undefined,
  };
  let server: ServerUnderTest | undefined;
  let seeder: SeedConnection | undefined;
  // Forked before anything is timed, so tsx compiling it is over by then.
  const pens = new PenLoad(editorIdentities(settings.pens), boardSide(seed.strokes));
  try {
    server = await startServer(kind, repoRoot);
    onServer(server);
    const running = server;
    if (seed.strokes > 0) {
      seeder = await seedServer(running.wsUrl, seed, SEED_TIMEOUT_MS);
      row.seedMs = seeder.ms;
      row.settled = await settle(running.pid, SETTLE);
    }
    const serverWindow = watchServerWindow(running);
    row.cursors = await runCursors({
      ...cursorLoad(running.wsUrl, { ...settings, editors: settings.cursors }, serverWindow),
      // Everyone joins as an editor whose offline copy holds the board: the live load is what is
      // measured here, not 60 first syncs of tens of megabytes (the e2e bench times opening).
      ...(seed.strokes > 0 ? { stateVector: seed.stateVector } : {}),
      companions: [pens],
      onConnected: async () => {
        seeder?.close();
        seeder = undefined;
      },
    });
    row.serverEnded = running.endedEarly();
    row.window = await serverWindow.figures();
    row.pensReady = pens.connected?.ready ?? 0;
    const penResult = pens.result;
    if (penResult !== undefined) {
      row.penCloses = penResult.closes;
      row.pens = penFigures(penResult.sends, row.cursors.updateReceipts, row.cursors.observersReady, row.pensReady, settings.seconds, row.cursors.drainMs);
    }
  } catch (err) {
    row.error = err instanceof Error ? err.message : String(err);
    row.serverEnded = server?.endedEarly();
  } finally {
    seeder?.close();
    pens.kill();
    await server?.stop();
    onServer(undefined);
  }
  return row;
}
