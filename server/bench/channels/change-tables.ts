import { POLL_INTERVAL_MS } from "@whiteboard/shared";
import { LOOP_DELAY_HEADER, loopDelayCell } from "../format.js";
import type { ChangeRow, ChangeSettings } from "./change-cost.js";
import { CHANNEL_LABEL } from "./channel-labels.js";
import type { ReportTable } from "./report-table.js";
import type { TcpCounters } from "./tcp-info.js";
import { duration, figure, KB, kilobytes, megabytes, whole } from "./units.js";

function traffic(c: TcpCounters | undefined): string[] {
  if (c === undefined) return ["-", "-", "-"];
  return [whole(c.bytesReceived), whole(c.bytesSent), `${figure(c.segsIn)} / ${figure(c.segsOut)}`];
}

function latencyCell(row: ChangeRow): string {
  const l = row.latency;
  if (l === undefined || l.samples === 0) return "-";
  const cell = `${duration(l.p50)} / ${duration(l.p99)}`;
  return l.samples < l.expected ? `${cell} (${l.samples} of ${l.expected})` : cell;
}

function statuses(s: Record<string, number> | undefined): string {
  return s === undefined ? "" : Object.entries(s).map(([status, n]) => `${n} × ${status}`).join(", ");
}

export function changeTable(rows: readonly ChangeRow[], settings: ChangeSettings): ReportTable {
  const cells: string[][] = [];
  const notes: string[] = [];
  for (const row of rows) {
    const label = `${CHANNEL_LABEL[row.channel]}, N=${row.clients}`;
    if (row.error !== undefined) notes.push(`${label}: failed: ${row.error}`);
    for (const note of row.notes) notes.push(`${label}: ${note}`);
    const clients = row.ready === row.clients ? String(row.clients) : `${row.ready} of ${row.clients}`;
    const name = row.channel === "polling" ? "polling: the polls that see it (200)" : CHANNEL_LABEL[row.channel];
    cells.push([name, clients, figure(row.cpuMsPerChange), ...traffic(row.perChange), latencyCell(row), loopDelayCell(row.loopDelay)]);
    if (row.unchanged !== undefined) {
      cells.push(["polling: nothing changed (304)", clients, figure(row.unchanged.cpuMsPerRound), ...traffic(row.unchanged.perRound), "-", "-"]);
      notes.push(`${label}: answers with a change ${statuses(row.changedStatuses)}; without ${statuses(row.unchanged.statuses)}`);
    }
  }
  return {
    title: "One change reaching N clients",
    setup:
      `A fresh server per channel and N; one board; N clients of the channel, and one more editor making ${settings.changes} small changes ` +
      `(a short finished stroke, as sse/stroke.ts draws one), one every ${2 * settings.changeGapMs} ms. Pollers are members of a shared library that shows the board; ` +
      `for them a change is one round of N polls, ${settings.pollRounds} rounds with a stroke before each and ${settings.pollRounds} without.`,
    headers: [
      "channel",
      "clients",
      "server CPU ms per change",
      "bytes server→clients",
      "bytes clients→server",
      "packets ↓ / ↑",
      "change → client p50 / p99",
      LOOP_DELAY_HEADER,
    ],
    rows: cells,
    legend: [
      "server CPU: every thread of the server process (/proc/<pid>/task/*/schedstat, ns). Changes alternate with idle gaps of the same length: " +
        "the median CPU of the gaps after a change, less the median of the idle gaps. Pollers: a round's CPU less the idle rate (median over a gap before each round) for its length, median over the rounds. " +
        "Medians, as a garbage collection or a timer landing in one gap would move a mean.",
      "bytes and packets: per change, summed over the N clients' sockets (tcp_info via ss); the drawing editor's own socket is left out.",
      `change → client: from the stroke's send to its arrival, at up to ${settings.probes} probe clients (the rest only read), every change; ` +
        `(k of n) when some never arrived. Polling's is computed: N galleries' polls staggered evenly over the ${POLL_INTERVAL_MS / 1000} s interval ` +
        "wait (i + 0.5) / N of it for their next poll, plus that poll's measured answer.",
      "loop delay: the server's event-loop delay over the changes and the gaps between them (the rounds with a change, for polling).",
    ],
    notes,
  };
}

/** Server memory per connection, from the largest N of each channel. */
export function memoryTable(rows: readonly ChangeRow[]): ReportTable | undefined {
  const largest = new Map<string, ChangeRow>();
  for (const row of rows) {
    if (row.rssBefore === undefined || row.rssAfter === undefined || row.ready === 0) continue;
    const best = largest.get(row.channel);
    if (best === undefined || row.ready > best.ready) largest.set(row.channel, row);
  }
  if (largest.size === 0) return undefined;
  return {
    title: "Server memory per connection",
    setup: "Server RSS before the N clients connected and 2 s after they did (idle), from the largest N of each channel.",
    headers: ["channel", "connections", "server RSS before MB", "after MB", "per connection KB"],
    rows: [...largest.values()].map((row) => [
      CHANNEL_LABEL[row.channel],
      String(row.ready),
      megabytes(row.rssBefore),
      megabytes(row.rssAfter),
      kilobytes(memoryPerConnection(row)),
    ]),
    legend: [
      `KB = ${KB.toLocaleString("en")} bytes. A poller holds an idle keep-alive connection between polls, and is a member in the database.`,
      "RSS includes whatever garbage the joins left that the collector has not taken yet.",
    ],
    notes: [],
  };
}

export function memoryPerConnection(row: ChangeRow): number | undefined {
  if (row.rssBefore === undefined || row.rssAfter === undefined || row.ready === 0) return undefined;
  return (row.rssAfter - row.rssBefore) / row.ready;
}
