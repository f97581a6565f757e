/**
 * "One board never stalls another": a server with a large board stored and closed, and the live
 * load of the big-board bench (pens and cursors) on another, empty board. The load runs twice on
 * the same server: once as it is, then with the large board opened one second into the window
 * by a fresh editor and a viewer. What the second window adds to the first one's latencies is
 * what opening the board cost everyone else. Ours only: the reference server keeps no board
 * once its last client leaves, so it has nothing to open.
 */
import { editorIdentities } from "../editor-identities.js";
import { watchServerWindow, type ServerWindowFigures } from "../server-window.js";
import { startOurs, type ServerUnderTest } from "../servers.js";
import { cursorLoad } from "../cursors/figures.js";
import { runCursors, type CursorRunResult } from "../cursors/run.js";
import { sleep } from "../sleep.js";
import { boardSide } from "./handwriting.js";
import { openBoard, type Opened } from "./opener.js";
import { penFigures, type PenFigures } from "./pen-stats.js";
import { PenLoad } from "./pens.js";
import type { BigBoardSettings } from "./run.js";
import type { Seed } from "./seed.js";
import { seedServer } from "./seeder.js";
import { settle } from "./settle.js";

export interface OpenWindow {
  opened: Opened | undefined;
  cursors: CursorRunResult | undefined;
  pens: PenFigures | undefined;
  window: ServerWindowFigures | undefined;
}

export interface OpenWhileLiveResult {
  strokes: number;
  boardMb: number;
  quiet: OpenWindow | undefined;
  opening: OpenWindow | undefined;
  error: string | undefined;
}

const SEED_TIMEOUT_MS = 60_000;
/** The server unloads an empty room after 10 s and then folds its log: wait for both. */
const UNLOAD_GRACE_MS = 11_000;
const SETTLE = { busyPercent: 15, stepMs: 500, maxMs: 60_000 } as const;
const OPEN_AFTER_MS = 1_000;
const OPEN_TIMEOUT_MS = 60_000;

async function liveWindow(server: ServerUnderTest, settings: BigBoardSettings, open: (() => Promise<Opened>) | undefined): Promise<OpenWindow> {
  const pens = new PenLoad(editorIdentities(settings.pens), boardSide(0));
  const serverWindow = watchServerWindow(server);
  let opening: Promise<Opened> | undefined;
  try {
    const load = cursorLoad(server.wsUrl, { ...settings, editors: settings.cursors }, serverWindow);
    const cursors = await runCursors({
      ...load,
      companions: [pens],
      onWindowStart: () => {
        load.onWindowStart?.();
        if (open) opening = sleep(OPEN_AFTER_MS).then(open);
      },
    });
    const window = await serverWindow.figures();
    const penResult = pens.result;
    const penFiguresOf =
      penResult === undefined
        ? undefined
        : penFigures(penResult.sends, cursors.updateReceipts, cursors.observersReady, pens.connected?.ready ?? 0, settings.seconds, cursors.drainMs);
    return { opened: await opening, cursors, pens: penFiguresOf, window };
  } finally {
    pens.kill();
  }
}

export async function benchOpenWhileLive(
  repoRoot: string,
  seed: Seed,
  settings: BigBoardSettings,
  onServer: (server: ServerUnderTest | undefined) => void,
): Promise<OpenWhileLiveResult> {
  const result: OpenWhileLiveResult = { strokes: seed.strokes, boardMb: seed.bytes / 1e6, quiet: undefined, opening: undefined, error: undefined };
  let server: ServerUnderTest | undefined;
  try {
    server = await startOurs(repoRoot);
    onServer(server);
    const newBoard = server.newBoard;
    if (!newBoard) throw new Error("the server cannot create a second board");
    const big = await newBoard();
    const seeder = await seedServer(big.wsUrl, seed, SEED_TIMEOUT_MS);
    seeder.close();
    // Closed, unloaded and folded: opening it reads it from the store, as a board nobody had open.
    await sleep(UNLOAD_GRACE_MS);
    await settle(server.pid, SETTLE);
    result.quiet = await liveWindow(server, settings, undefined);
    result.opening = await liveWindow(server, settings, () => openBoard(big, OPEN_TIMEOUT_MS));
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  } finally {
    await server?.stop();
    onServer(undefined);
  }
  return result;
}
