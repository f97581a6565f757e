import { gcNote, LOOP_DELAY_HEADER, LOOP_DELAY_LEGEND, loopDelayCell, ms } from "../format.js";
import { formatTable } from "../table.js";
import type { SseRow } from "./run.js";
import { CURSOR_HZ, STROKES_PER_SECOND } from "./load-shape.js";
import { VIEWERS_PER_ADDRESS } from "./slots.js";

const HEADERS = ["viewers", "update p50 ms", "update p99 ms", "presence p50 ms", "presence p99 ms", "delivered %", "KB per viewer", "server CPU %", LOOP_DELAY_HEADER];

/** Decimal, as the cursor report's MB. */
const KB = 1000;
const MB = 1_000_000;

/** Issue 5's figures. */
export const TARGET = { viewers: 10_000, p99Ms: 250, bytesPerViewer: 20 * KB } as const;
const ANCHOR = "anchor on this machine: a bare node:http server writing a 20 Hz presence event to 10,000 held streams, p99 about 190 ms at about 11 KB per connection";

function viewersCell(row: SseRow): string {
  return row.viewersReady === row.viewersAsked ? String(row.viewersAsked) : `${row.viewersReady} of ${row.viewersAsked}`;
}

function cells(row: SseRow): string[] {
  const f = row.figures;
  return [
    viewersCell(row),
    ms(f?.updateP50),
    ms(f?.updateP99),
    ms(f?.presenceP50),
    ms(f?.presenceP99),
    f === undefined ? "-" : (f.delivered * 100).toFixed(1),
    row.bytesPerViewerIdle === undefined ? "n/a" : (row.bytesPerViewerIdle / KB).toFixed(1),
    row.serverCpuPercent === undefined ? "n/a" : row.serverCpuPercent.toFixed(0),
    loopDelayCell(row.serverLoopDelay),
  ];
}

function notes(row: SseRow): string[] {
  const label = `V=${row.viewersAsked}`;
  const out: string[] = [];
  if (row.error !== undefined) out.push(`${label}: failed: ${row.error}`);
  if (row.viewersReady < row.viewersAsked) {
    const why = Object.entries(row.connectErrors).map(([kind, n]) => `${n} x ${kind}`).join(", ");
    out.push(`${label}: reached ${row.viewersReady} of ${row.viewersAsked} viewers${why === "" ? "" : ` (${why})`}`);
  }
  if (row.editorsReady > 0 && row.rampSeconds !== undefined) {
    const cpu = row.rampServerCpuPercent === undefined ? "" : ` (server CPU ${row.rampServerCpuPercent.toFixed(0)}% meanwhile)`;
    out.push(`${label}: ${row.editorsReady} editors; viewers connected in ${row.rampSeconds.toFixed(1)} s${cpu}`);
  }
  const f = row.figures;
  if (f === undefined) return out;
  out.push(
    `${label}: ${f.strokesSent} strokes sent in the window, ${f.probes} probes, ${(f.bytesPerSecond / MB).toFixed(0)} MB/s written to viewers` +
      (row.bytesPerViewerLoaded === undefined ? "" : `, ${(row.bytesPerViewerLoaded / KB).toFixed(1)} KB per viewer under load`),
  );
  const perViewer = Object.entries(f.perViewerSecond)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, t]) => `${t.events.toFixed(1)} ${name} events/s (${(t.bytes / KB).toFixed(1)} KB/s of data)`);
  if (perViewer.length > 0) out.push(`${label}: each viewer received ${perViewer.join(", ")}`);
  if (f.updateMax !== undefined || f.presenceMax !== undefined) {
    out.push(`${label}: slowest update ${ms(f.updateMax)} ms, slowest presence ${ms(f.presenceMax)} ms`);
  }
  if (f.closedEarly > 0) out.push(`${label}: the server ended ${f.closedEarly} viewer streams during the run (slow-reader bound?)`);
  if (f.bulkToProbeBytes !== undefined && Math.abs(f.bulkToProbeBytes - 1) > 0.02) {
    out.push(`${label}: a bulk viewer received ${(f.bulkToProbeBytes * 100).toFixed(1)}% of the bytes a probe did in the window`);
  }
  const editorCloses = Object.entries(f.editorCloses);
  if (editorCloses.length > 0) out.push(`${label}: editors closed: ${editorCloses.map(([code, n]) => `${n} x code ${code}`).join(", ")}`);
  if (row.drainCut) out.push(`${label}: events were still arriving ${((row.drainMs ?? 0) / 1000).toFixed(0)} s after the window; the rest count as not delivered`);
  if (Math.abs(f.cursorRateHz / CURSOR_HZ - 1) > 0.05) out.push(`${label}: editors moved cursors at ${f.cursorRateHz.toFixed(1)} Hz of ${CURSOR_HZ}`);
  if (f.undecodable > 0) out.push(`${label}: ${f.undecodable} events the probes could not decode`);
  const load = [
    row.loadCpuPercent === undefined ? undefined : `used ${row.loadCpuPercent.toFixed(0)}% CPU`,
    f.viewerLoopDelayP99Ms === undefined ? undefined : `viewer processes' event-loop delay p99 ${ms(f.viewerLoopDelayP99Ms)} ms`,
  ].filter((part) => part !== undefined);
  if (load.length > 0) out.push(`${label}: load processes ${load.join(", ")}`);
  const gc = gcNote(row.serverLoopDelay);
  if (gc !== undefined) out.push(`${label}: ${gc}`);
  return out;
}

function verdict(rows: readonly SseRow[]): string {
  const row = rows.find((r) => r.viewersAsked >= TARGET.viewers && r.figures !== undefined);
  if (row?.figures === undefined) return `Target: ${TARGET.viewers.toLocaleString("en")} viewers with p99 < ${TARGET.p99Ms} ms and < ${TARGET.bytesPerViewer / KB} KB per viewer (not run at ${TARGET.viewers.toLocaleString("en")}).`;
  const f = row.figures;
  const misses = [
    row.viewersReady < TARGET.viewers ? `only ${row.viewersReady} viewers held` : undefined,
    (f.updateP99 ?? Infinity) >= TARGET.p99Ms ? `update p99 ${ms(f.updateP99)} ms` : undefined,
    (f.presenceP99 ?? Infinity) >= TARGET.p99Ms ? `presence p99 ${ms(f.presenceP99)} ms` : undefined,
    (row.bytesPerViewerIdle ?? Infinity) >= TARGET.bytesPerViewer ? `${((row.bytesPerViewerIdle ?? NaN) / KB).toFixed(1)} KB per viewer` : undefined,
  ].filter((m) => m !== undefined);
  const target = `Target: ${TARGET.viewers.toLocaleString("en")} viewers with p99 < ${TARGET.p99Ms} ms and < ${TARGET.bytesPerViewer / KB} KB per viewer`;
  return misses.length === 0 ? `${target}: met.` : `${target}: not met (${misses.join(", ")}).`;
}

const LEGEND = `p50/p99: send-to-receive latency at the probe viewers (same-machine clock): update = a stroke's
  element id carries its send time; presence = each new cursor position (its x carries the send time).
  Presence is latest-wins: a server that falls behind sends fewer presence events, not later ones,
  so read its p99 beside the presence events/s in the notes (20/s when keeping up).
delivered: strokes sent in the window that reached the probes / strokes sent x probes.
KB per viewer: (server RSS with the viewers connected, before the load - RSS before they connected) / viewers; KB = 1,000 bytes.
server CPU: user + system time of the server process in the window, % of one core.
${LOOP_DELAY_LEGEND}
Viewers connect from 127.0.0.2 upwards, ${VIEWERS_PER_ADDRESS} per address: the server allows 600 /api/ requests a minute per
  address, the event stream included, so one address could hold no more than 600 viewers.`;

export interface ReportContext {
  seconds: number;
  warmupSeconds: number;
  editors: number;
  probes: number;
  /** Other work on the machine skews every figure; the reader should know how busy it was. */
  machine: string;
}

export function renderSseReport(rows: readonly SseRow[], context: ReportContext): string {
  const title =
    `SSE fan-out: one board, ${context.editors} editors (cursors at ${CURSOR_HZ} Hz, ${STROKES_PER_SECOND} strokes/s each), V viewers ` +
    `(${context.probes} of them probes), ${context.warmupSeconds} s warm-up, ${context.seconds} s window\n${context.machine}`;
  const table = formatTable(HEADERS, rows.map(cells));
  const allNotes = rows.flatMap(notes);
  return [title, "", table, "", verdict(rows), ANCHOR, "", LEGEND, ...(allNotes.length > 0 ? ["", "Notes:", ...allNotes.map((n) => `- ${n}`)] : [])].join("\n");
}
