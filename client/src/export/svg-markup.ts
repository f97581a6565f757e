import { FALLBACK_INK } from "../canvas/ink";

/**
 * Pieces of SVG text. Everything that reaches an attribute or text node came from the doc,
 * which any client of the board (or a script) may have written: it is escaped, always.
 */

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Hundredths of a board unit: finer than anything visible, and the file stays small. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/**
 * Colour notations made of these characters only: hex, names, and the functional forms. Shuts
 * out `url(...)`, which in a standalone SVG would make the viewer fetch whatever it points at.
 */
const COLOR_CHARACTERS = /^[#a-zA-Z0-9(),.%\s/+-]{1,100}$/;

/**
 * The colour to write for `value`, falling back the way the canvas does: a canvas ignores an
 * invalid colour (and the renderer set the fallback first), while SVG would paint black or
 * nothing. The browser's own parser decides where there is one.
 */
export function svgColor(value: string, fallback: string = FALLBACK_INK): string {
  if (!COLOR_CHARACTERS.test(value) || /url\s*\(/i.test(value)) return fallback;
  const css = (globalThis as { CSS?: { supports?(property: string, value: string): boolean } }).CSS;
  if (css?.supports && !css.supports("color", value)) return fallback;
  return value;
}

/** ` name="value"` pairs for the defined entries, escaped. */
export function attrs(pairs: Record<string, string | number | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(pairs)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXml(typeof value === "number" ? num(value) : value)}"`;
  }
  return out;
}
