import { gcNote, LOOP_DELAY_HEADER, LOOP_DELAY_LEGEND, latency, loopDelayCell, ms } from "../format.js";
import { formatTable } from "../table.js";
import type { CursorRow } from "./figures.js";

const HEADERS = ["N editors", "server", "p50 ms", "p99 ms", "delivered %", "seen %", "server MB sent", "MB/s", "server CPU %", "server RSS MB", LOOP_DELAY_HEADER];

const MB = 1_000_000;
/** The rate each editor is asked for; a row that fell short of most of it says so. */
const TARGET_HZ = 30;

function percent(fraction: number): string {
  return (fraction * 100).toFixed(1);
}

function cells(row: CursorRow, seconds: number): string[] {
  const r = row.result;
  if (r === undefined) return [String(row.editors), row.server, "-", "-", "-", "-", "-", "-", "-", "-", "-"];
  const f = r.figures;
  return [
    String(row.editors),
    row.server,
    latency(f.p50),
    latency(f.p99),
    percent(f.delivered),
    percent(f.seen),
    (f.bytes / MB).toFixed(1),
    (f.bytes / MB / seconds).toFixed(1),
    row.cpuPercent === undefined ? "n/a" : row.cpuPercent.toFixed(0),
    row.rssBytes === undefined ? "n/a" : (row.rssBytes / MB).toFixed(0),
    loopDelayCell(row.loopDelay),
  ];
}

function notes(row: CursorRow): string[] {
  const label = `N=${row.editors} ${row.server}`;
  if (row.error !== undefined) return [`${label}: failed: ${row.error}`];
  const r = row.result;
  if (r === undefined) return [];
  const out: string[] = [];
  const f = r.figures;
  if (row.serverEnded !== undefined) out.push(`${label}: the server ${row.serverEnded}`);
  if (r.editorsReady < row.editors) {
    out.push(`${label}: only ${r.editorsReady} of ${row.editors} editors connected (${r.connectErrors[0] ?? "no error reported"})`);
  }
  const closes = Object.entries(f.closes);
  if (closes.length > 0) {
    out.push(`${label}: sockets closed during the run: ${closes.map(([code, n]) => `${n} x code ${code}`).join(", ")}`);
  }
  if (r.drainCut && f.seen < 1) {
    out.push(`${label}: states were still arriving ${(r.drainMs / 1000).toFixed(0)} s after the window closed; the rest count as not delivered`);
  }
  if (f.sendRateHz < TARGET_HZ * 0.95) {
    out.push(`${label}: editors sent ${f.sendRateHz.toFixed(1)} Hz of ${TARGET_HZ} (the load generator, or the server not reading, held them back)`);
  } else if (f.sendRateHz > TARGET_HZ * 1.05) {
    out.push(`${label}: editors sent ${f.sendRateHz.toFixed(1)} Hz, more than the ${TARGET_HZ} asked for (a bench bug)`);
  }
  if (f.max !== undefined && f.p99.kind === "value" && f.max > 2 * f.p99.ms && f.max > 100) {
    out.push(`${label}: slowest state received ${ms(f.max)} ms`);
  }
  const load = [
    r.loadCpuPercent === undefined ? undefined : `used ${r.loadCpuPercent.toFixed(0)}% CPU`,
    f.observerLoopDelayP99Ms === undefined ? undefined : `observers' event-loop delay p99 ${ms(f.observerLoopDelayP99Ms)} ms`,
  ].filter((part) => part !== undefined);
  if (load.length > 0) out.push(`${label}: load processes ${load.join(", ")}`);
  if (f.undecodable > 0) out.push(`${label}: ${f.undecodable} messages the observers could not decode`);
  const gc = gcNote(row.loopDelay);
  if (gc !== undefined) out.push(`${label}: ${gc}`);
  return out;
}

const LEGEND = `p50/p99: send-to-receive latency of cursor states at the observers (one machine, one clock), over the
  states received and those never seen; ">X": the percentile is among states still unseen X ms after the window.
delivered: distinct states received / states sent in the window x observers.
seen: states received, or superseded by a newer one received (latest wins), / the same.
server MB sent: bytes all clients received in the window (WebSocket framing included).
${LOOP_DELAY_LEGEND}`;

export interface ReportContext {
  seconds: number;
  observers: number;
  warmupSeconds: number;
  /** Other work on the machine skews every figure; the reader should know how busy it was. */
  machine: string;
}

export function renderCursorReport(rows: readonly CursorRow[], settings: ReportContext): string {
  const title = `Cursors: N editors at ${TARGET_HZ} Hz on one board, ${settings.observers} observers, ${settings.warmupSeconds} s warm-up, ${settings.seconds} s window\n${settings.machine}`;
  const table = formatTable(HEADERS, rows.map((row) => cells(row, settings.seconds)));
  const allNotes = rows.flatMap(notes);
  return [title, "", table, "", LEGEND, ...(allNotes.length > 0 ? ["", "Notes:", ...allNotes.map((n) => `- ${n}`)] : [])].join("\n");
}
