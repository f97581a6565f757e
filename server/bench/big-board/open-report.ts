import { LOOP_DELAY_HEADER, gcNote, latency, loopDelayCell, ms, triple } from "../format.js";
import { formatTable } from "../table.js";
import type { OpenWhileLiveResult, OpenWindow } from "./open-while-live.js";

const HEADERS = ["window", "cursor p50 / p99 / max ms", "pen p50 / p99 / max ms", LOOP_DELAY_HEADER, "opened: editor / viewer s"];

function seconds(value: number | undefined): string {
  return value === undefined ? "-" : (value / 1000).toFixed(1);
}

function cells(label: string, window: OpenWindow | undefined): string[] {
  const cursors = window?.cursors?.figures;
  const pens = window?.pens;
  const opened = window?.opened;
  return [
    label,
    cursors === undefined ? "-" : triple([latency(cursors.p50), latency(cursors.p99), ms(cursors.max)]),
    pens === undefined ? "-" : triple([latency(pens.p50), latency(pens.p99), ms(pens.max)]),
    window?.window === undefined ? "-" : loopDelayCell(window.window.loopDelay),
    opened === undefined ? "-" : `${seconds(opened.editorMs)} / ${seconds(opened.viewerMs)}`,
  ];
}

/** The p99 the open added, when both windows have one. */
function added(result: OpenWhileLiveResult, pick: (w: OpenWindow) => { kind: string; ms?: number } | undefined): string {
  const before = result.quiet ? pick(result.quiet) : undefined;
  const after = result.opening ? pick(result.opening) : undefined;
  if (before?.kind !== "value" || after?.kind !== "value" || before.ms === undefined || after.ms === undefined) return "n/a";
  const delta = after.ms - before.ms;
  return `${delta >= 0 ? "+" : ""}${ms(delta)} ms`;
}

export function renderOpenReport(result: OpenWhileLiveResult, settings: { pens: number; cursors: number; seconds: number }): string {
  const title =
    `One board never stalls another: a stored ${result.strokes.toLocaleString("en")}-stroke board (${result.boardMb.toFixed(0)} MB) opened by a fresh ` +
    `editor and a viewer ${1} s into the window, while ${settings.pens} pens and ${settings.cursors} cursors are live on another board (ours, ${settings.seconds} s windows)`;
  const table = formatTable(HEADERS, [cells("nothing opened", result.quiet), cells("big board opened", result.opening)]);
  const notes: string[] = [];
  if (result.error !== undefined) notes.push(`failed: ${result.error}`);
  const opened = result.opening?.opened;
  if (opened !== undefined) {
    notes.push(`the editor's first sync: ${(opened.editorBytes / 1e6).toFixed(1)} MB; the viewer's snapshot: ${(opened.viewerBytes / 1e6).toFixed(1)} MB`);
    if (opened.error !== undefined) notes.push(`opening: ${opened.error}`);
  }
  for (const [label, window] of [["nothing opened", result.quiet], ["big board opened", result.opening]] as const) {
    const gc = gcNote(window?.window?.loopDelay);
    if (gc !== undefined) notes.push(`${label}: ${gc}`);
  }
  notes.push(
    `what the open added on the other board: cursor p99 ${added(result, (w) => w.cursors?.figures.p99)}, pen p99 ${added(result, (w) => w.pens?.p99)}`,
  );
  return [title, "", table, "", "Notes:", ...notes.map((n) => `- ${n}`)].join("\n");
}
