/**
 * One measurement's table, rendered twice from the same cells: as plain text for the terminal
 * (table.ts) and as Markdown for docs/channels.md, so the two can never disagree.
 */
import { formatTable } from "../table.js";

export interface ReportTable {
  title: string;
  /** What was run, in a sentence or two. */
  setup: string;
  headers: string[];
  rows: string[][];
  /** How each column was measured. */
  legend: string[];
  /** What happened in this run that a reader of the figures should know. */
  notes: string[];
}

export function renderText(table: ReportTable): string {
  const lines = [`== ${table.title}`, table.setup, "", formatTable(table.headers, table.rows)];
  if (table.legend.length > 0) lines.push("", ...table.legend);
  if (table.notes.length > 0) lines.push("", "Notes:", ...table.notes.map((n) => `- ${n}`));
  return lines.join("\n");
}

const escapeCell = (cell: string): string => cell.replace(/\|/g, "\\|");

export function renderMarkdown(table: ReportTable): string {
  const numeric = table.headers.map((_, c) => table.rows.every((r) => /^[\d.,<>~%× -]+$|^n\/a$|^-$/.test(r[c] ?? "")));
  const lines = [
    `### ${table.title}`,
    "",
    table.setup,
    "",
    `| ${table.headers.map(escapeCell).join(" | ")} |`,
    `|${table.headers.map((_, c) => (numeric[c] ? " ---: " : " --- ")).join("|")}|`,
    ...table.rows.map((row) => `| ${row.map(escapeCell).join(" | ")} |`),
  ];
  if (table.legend.length > 0) lines.push("", ...table.legend.map((l) => `- ${l}`));
  if (table.notes.length > 0) lines.push("", "Notes of this run:", "", ...table.notes.map((n) => `- ${n}`));
  return lines.join("\n");
}
