/**
 * How an ink chosen on white paper is shown on dark paper. The doc keeps the colour as written
 * (another client may be in light mode); only the display changes. Greys swap lightness, so
 * black ink turns near-white, a white fill turns paper-dark and a pastel fill a dark tint of its
 * hue; vivid colours keep their hue and chroma and are only lifted out of the dark, so red stays
 * the red its author picked.
 * Done in OKLab, where lightness is perceptual: the same rule reads alike for every hue.
 */

/** Red, green, blue 0..255 and alpha 0..1. */
export type Rgba = readonly [number, number, number, number];

/**
 * How grey a colour is, by chroma (OKLCH units): up to 0.06 fully (greys, and pastel fills, which
 * are a background's tint rather than a colour of their own), from 0.16 not at all (vivid inks,
 * 0.15-0.25, and yellows, which must stay bright to read as yellow).
 */
const GREY_UP_TO = 0.06;
const COLOUR_FROM = 0.16;
/** Greys: black (L 0) becomes 0.96, white (L 1) becomes 0.2, the dark paper's own lightness. */
const GREY_FLIP = { at0: 1.17, slope: 0.97, min: 0.2, max: 0.96 };
/** Colours darker than this are lifted towards it, keeping their order: a navy stays darker than a blue. */
const COLOUR_FLOOR = 0.62;
const COLOUR_KEEP = 0.3;

export function darkInk([r, g, b, a]: Rgba): Rgba {
  const [L, A, B] = linearToOklab(toLinear(r), toLinear(g), toLinear(b));
  const chroma = Math.hypot(A, B);
  const grey = Math.min(1, Math.max(0, (COLOUR_FROM - chroma) / (COLOUR_FROM - GREY_UP_TO)));
  const flipped = Math.min(GREY_FLIP.max, Math.max(GREY_FLIP.min, GREY_FLIP.at0 - GREY_FLIP.slope * L));
  const lifted = L < COLOUR_FLOOR ? COLOUR_FLOOR - (COLOUR_FLOOR - L) * COLOUR_KEEP : L;
  const lightness = grey * flipped + (1 - grey) * lifted;
  const [lr, lg, lb] = inGamut(lightness, A, B);
  return [fromLinear(lr), fromLinear(lg), fromLinear(lb), a];
}

export function rgbaToCss([r, g, b, a]: Rgba): string {
  return a >= 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${Math.round(a * 1000) / 1000})`;
}

/** OKLab at this lightness and hue, with chroma reduced until sRGB can show it. */
function inGamut(L: number, A: number, B: number): [number, number, number] {
  let rgb = oklabToLinear(L, A, B);
  if (fits(rgb)) return rgb;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 16; i++) {
    const mid = (low + high) / 2;
    const candidate = oklabToLinear(L, A * mid, B * mid);
    if (fits(candidate)) {
      low = mid;
      rgb = candidate;
    } else {
      high = mid;
    }
  }
  return low === 0 ? oklabToLinear(L, 0, 0) : rgb;
}

function fits(rgb: readonly number[]): boolean {
  return rgb.every((c) => c >= -1e-4 && c <= 1 + 1e-4);
}

function toLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function fromLinear(linear: number): number {
  const c = Math.min(1, Math.max(0, linear));
  const encoded = c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
  return Math.round(encoded * 255);
}

// Björn Ottosson's OKLab matrices (https://bottosson.github.io/posts/oklab/).
function linearToOklab(r: number, g: number, b: number): [number, number, number] {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function oklabToLinear(L: number, A: number, B: number): [number, number, number] {
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}
