import { gcNote, LOOP_DELAY_HEADER, LOOP_DELAY_LEGEND, latency, loopDelayCell, ms, triple } from "../format.js";
import { formatTable } from "../table.js";
import type { BigBoardRow, BigBoardSettings } from "./run.js";

const HEADERS = [
  "board",
  "server",
  "pen p50 / p99 / max ms",
  "cursor p50 / p99 / max ms",
  LOOP_DELAY_HEADER,
  "pen delivered %",
  "cursors seen %",
  "server CPU %",
];

const MB = 1_000_000;
/** What each pen and cursor is asked for; a row that fell short of most of it says so. */
const PEN_HZ = 60;
const CURSOR_HZ = 30;

function board(strokes: number): string {
  return strokes === 0 ? "empty" : `${strokes.toLocaleString("en")} strokes`;
}

function percent(fraction: number | undefined): string {
  return fraction === undefined ? "-" : (fraction * 100).toFixed(1);
}

function cells(row: BigBoardRow): string[] {
  const pens = row.pens;
  const cursors = row.cursors?.figures;
  return [
    board(row.strokes),
    row.server,
    pens === undefined ? "-" : triple([latency(pens.p50), latency(pens.p99), ms(pens.max)]),
    cursors === undefined ? "-" : triple([latency(cursors.p50), latency(cursors.p99), ms(cursors.max)]),
    row.window === undefined ? "-" : loopDelayCell(row.window.loopDelay),
    percent(pens?.delivered),
    percent(cursors?.seen),
    row.window?.cpuPercent === undefined ? "n/a" : row.window.cpuPercent.toFixed(0),
  ];
}

function rate(label: string, what: string, hz: number, target: number): string | undefined {
  if (hz < target * 0.95) return `${label}: ${what} sent ${hz.toFixed(1)} Hz of ${target} (the load generator, or the server not reading, held them back)`;
  if (hz > target * 1.05) return `${label}: ${what} sent ${hz.toFixed(1)} Hz, more than the ${target} asked for (a bench bug)`;
  return undefined;
}

function notes(row: BigBoardRow, settings: BigBoardSettings, seedMb: number | undefined): string[] {
  const label = `${board(row.strokes)}, ${row.server}`;
  const out: string[] = [];
  if (row.seedMs !== undefined) {
    const settled = row.settled === undefined ? "" : row.settled.quiet ? `, quiet ${(row.settled.ms / 1000).toFixed(1)} s later` : `, still busy ${(row.settled.ms / 1000).toFixed(0)} s later (measured anyway)`;
    out.push(`${label}: seed of ${seedMb?.toFixed(1) ?? "?"} MB taken in ${(row.seedMs / 1000).toFixed(1)} s${settled}`);
  }
  if (row.error !== undefined) out.push(`${label}: failed: ${row.error}`);
  if (row.serverEnded !== undefined) out.push(`${label}: the server ${row.serverEnded}`);
  const r = row.cursors;
  if (r === undefined) return out;
  if (row.pensReady < settings.pens) out.push(`${label}: only ${row.pensReady} of ${settings.pens} pens connected`);
  if (r.editorsReady < settings.cursors) out.push(`${label}: only ${r.editorsReady} of ${settings.cursors} cursors connected (${r.connectErrors[0] ?? "no error reported"})`);
  const closes = [...Object.entries(row.penCloses).map(([code, n]) => `${n} pens x code ${code}`), ...Object.entries(r.figures.closes).map(([code, n]) => `${n} x code ${code}`)];
  if (closes.length > 0) out.push(`${label}: sockets closed during the run: ${closes.join(", ")}`);
  if (r.drainCut) out.push(`${label}: updates were still arriving ${(r.drainMs / 1000).toFixed(0)} s after the window closed; the rest count as not delivered`);
  const rates = [
    row.pens === undefined ? undefined : rate(label, "pens", row.pens.sendRateHz, PEN_HZ),
    settings.cursors === 0 ? undefined : rate(label, "cursors", r.figures.sendRateHz, CURSOR_HZ),
  ];
  out.push(...rates.filter((n) => n !== undefined));
  const load = [
    r.loadCpuPercent === undefined ? undefined : `used ${r.loadCpuPercent.toFixed(0)}% CPU`,
    r.figures.observerLoopDelayP99Ms === undefined ? undefined : `observers' event-loop delay p99 ${ms(r.figures.observerLoopDelayP99Ms)} ms`,
  ].filter((part) => part !== undefined);
  if (load.length > 0) out.push(`${label}: load processes ${load.join(", ")}`);
  if (row.window?.rssBytes !== undefined) out.push(`${label}: server RSS ${(row.window.rssBytes / MB).toFixed(0)} MB at the end of the window`);
  const gc = gcNote(row.window?.loopDelay);
  if (gc !== undefined) out.push(`${label}: ${gc}`);
  return out;
}

const LEGEND = `pen: a point's send time at its pen (one Yjs update per point) to its arrival at each observer, joined by
  the update's first struct id; cursor: the same for awareness states, as in the cursor bench. Over what
  arrived and what never did; ">X": the percentile is among points still unseen X ms after the window.
pen delivered: points sent in the window that reached the observers / points sent x observers.
cursors seen: cursor states received, or superseded by a newer one received (latest wins), / the same.
Every client joins with the board's state vector (as an editor whose offline copy has it), so joining costs
  the server a diff, not a first sync of the whole board; what opening a big board costs the others is the
  next table's.
${LOOP_DELAY_LEGEND}`;

export interface ReportContext extends BigBoardSettings {
  /** Seed sizes by stroke count, MB. */
  seedMb: ReadonlyMap<number, number>;
  machine: string;
}

export function renderBigBoardReport(rows: readonly BigBoardRow[], context: ReportContext): string {
  const title =
    `Big board live: ${context.pens} pens at ${PEN_HZ} Hz (one update per point), ${context.cursors} cursors at ${CURSOR_HZ} Hz, ` +
    `${context.observers} observers, ${context.warmupSeconds} s warm-up, ${context.seconds} s window\n${context.machine}`;
  const table = formatTable(HEADERS, rows.map(cells));
  const allNotes = rows.flatMap((row) => notes(row, context, context.seedMb.get(row.strokes)));
  return [title, "", table, "", LEGEND, ...(allNotes.length > 0 ? ["", "Notes:", ...allNotes.map((n) => `- ${n}`)] : [])].join("\n");
}
