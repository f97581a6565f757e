/**
 * docs/channels.svg: the counter-example as one picture, drawn from the measured rows (plain SVG
 * markup, no chart library): for each of server memory, CPU, event-loop delay and bytes written,
 * one bar per way of serving the observers. The lesson is in the lengths, so each panel starts at zero.
 */
import { observerMemory, type ObserverRow } from "./observers.js";
import { MB } from "./units.js";

interface Panel {
  title: string;
  unit: string;
  value: (row: ObserverRow) => number | undefined;
}

const PANELS: readonly Panel[] = [
  { title: "server memory for them", unit: "MB", value: (r) => scaled(observerMemory(r), MB) },
  { title: "server CPU", unit: "% of a core", value: (r) => r.cpuPercent },
  { title: "event loop late by", unit: "p99, ms", value: (r) => r.loopDelay?.p99Ms },
  { title: "written to the clients", unit: "MB/s", value: (r) => scaled(r.bytesPerSecond, MB) },
];
const COLORS = ["#1971c2", "#2f9e44", "#868e96"];

const WIDTH = 1000;
const LEFT = 15;
const PANEL_GAP = 20;
const PANEL_WIDTH = (WIDTH - 2 * LEFT - (PANELS.length - 1) * PANEL_GAP) / PANELS.length;
const TOP = 92;
const BAR_HEIGHT = 26;
const BAR_GAP = 12;
/** Room right of the longest bar for its value. */
const LABEL_WIDTH = 52;
const LEGEND_ROW = 22;
const BREAK_RATIO = 4;
const BROKEN_HEADROOM = 1.6;

/**
 * The value a full bar stands for: the largest, unless it is more than BREAK_RATIO times the
 * next, when a linear scale would leave the others a sliver; then the next largest, with room.
 */
function panelScale(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => b - a);
  const [first = 0, second = 0] = sorted;
  if (second > 0 && first > BREAK_RATIO * second) return second * BROKEN_HEADROOM;
  return Math.max(first, Number.MIN_VALUE);
}

function scaled(value: number | undefined, by: number): number | undefined {
  return value === undefined ? undefined : value / by;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function label(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function observersChart(rows: readonly ObserverRow[], caption: string): string | undefined {
  const measured = rows.filter((r) => PANELS.every((p) => p.value(r) !== undefined));
  if (measured.length < 2) return undefined;
  const barsHeight = measured.length * (BAR_HEIGHT + BAR_GAP);
  const legendTop = TOP + barsHeight + 20;
  const height = legendTop + measured.length * LEGEND_ROW + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="28" font-size="17" font-weight="600">${escape(`${(rows[0]?.observers ?? 0).toLocaleString("en")} observers of one board while an editor draws: WebSocket against SSE`)}</text>`,
  ];
  PANELS.forEach((panel, p) => {
    const x0 = LEFT + p * (PANEL_WIDTH + PANEL_GAP);
    const values = measured.map((r) => panel.value(r) ?? 0);
    const max = panelScale(values);
    const barMax = PANEL_WIDTH - LABEL_WIDTH;
    parts.push(`<text x="${x0}" y="${TOP - 30}" font-weight="600">${escape(panel.title)}</text>`);
    parts.push(`<text x="${x0}" y="${TOP - 13}" fill="#495057">${escape(panel.unit)}</text>`);
    parts.push(`<line x1="${x0}" y1="${TOP - 4}" x2="${x0}" y2="${TOP + barsHeight - BAR_GAP + 4}" stroke="#adb5bd"/>`);
    measured.forEach((row, i) => {
      const value = values[i] ?? 0;
      const y = TOP + i * (BAR_HEIGHT + BAR_GAP);
      const broken = value > max;
      const w = Math.max(1, (Math.min(value, max) / max) * barMax);
      parts.push(`<rect x="${x0}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="${COLORS[i % COLORS.length]}"/>`);
      // Off the scale: the bar is cut short, and the cut shown, so the others stay readable.
      if (broken) parts.push(`<path d="M${(x0 + w - 22).toFixed(1)},${y + BAR_HEIGHT + 2} l8,${-BAR_HEIGHT - 4} h5 l-8,${BAR_HEIGHT + 4} z" fill="#ffffff"/>`);
      parts.push(`<text x="${(x0 + w + 6).toFixed(1)}" y="${y + BAR_HEIGHT / 2 + 5}">${label(value)}</text>`);
    });
  });
  measured.forEach((row, i) => {
    const y = legendTop + i * LEGEND_ROW;
    parts.push(`<rect x="${LEFT}" y="${y}" width="14" height="14" fill="${COLORS[i % COLORS.length]}"/>`);
    parts.push(`<text x="${LEFT + 22}" y="${y + 12}">${escape(row.label)}</text>`);
  });
  parts.push(`<text x="${LEFT}" y="${height - 12}" font-size="11" fill="#495057">${escape(caption)}</text>`);
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
