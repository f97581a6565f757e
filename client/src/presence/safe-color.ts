/**
 * A colour from someone else's awareness state goes into our page's styles; only plain colour
 * syntax is let through (a `url(...)` would have our page fetch whatever the sender likes).
 */
const COLOR_SYNTAX = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/+-]{1,60}\))$/i;

export const NEUTRAL_COLOR = "#6b6b76";

export function safeColor(value: unknown): string {
  return typeof value === "string" && COLOR_SYNTAX.test(value.trim()) ? value.trim() : NEUTRAL_COLOR;
}
