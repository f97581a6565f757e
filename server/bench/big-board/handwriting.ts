/**
 * Handwriting-like strokes for the big board, deterministic for a seed: cursive "words" of about
 * 100 points (a baseline that advances while the pen loops, pressure swelling and fading along
 * the word), set in lines, lines in notes, notes scattered over a square that grows with the
 * stroke count, so a bigger board is wider, not denser. Coordinates are integers relative to the
 * stroke's origin and pressure is in 1/64 steps, as the editor rounds them (DESIGN: "Board size is
 * mostly numbers"), so the board has the bytes a real one of that size has.
 */

/** About what a pen gives for a short word: 100 samples. */
export const POINTS_PER_WORD = 100;
const PRESSURE_STEPS = 64;
/** Board units of side per sqrt(stroke): the density of the e2e large-board bench. */
const SIDE_PER_ROOT_STROKE = 110;

/** A small LCG: the same board for the same seed, in every process, with no dependency. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One word: flat [x, y, pressure, ...] relative to where the pen went down (0, 0). */
export function cursiveWord(random: () => number, length: number, height: number): number[] {
  const loops = 3 + Math.floor(random() * 5);
  const radius = height * (0.25 + random() * 0.2);
  const slant = 0.2 + random() * 0.2;
  const out: number[] = [];
  for (let i = 0; i < POINTS_PER_WORD; i++) {
    const t = i / (POINTS_PER_WORD - 1);
    const turn = t * loops * 2 * Math.PI;
    const y = Math.round(-radius * (1 - Math.cos(turn)) + Math.sin(t * 7 + loops) * height * 0.12);
    const x = Math.round(t * length + 0.9 * radius * Math.sin(turn) - slant * y);
    // A sample that rounds onto the last one adds nothing: the editor drops it too.
    if (out.length > 0 && out[out.length - 3] === x && out[out.length - 2] === y) continue;
    const pressure = 0.3 + 0.45 * Math.sin(Math.PI * t) + (random() - 0.5) * 0.1;
    out.push(x, y, Math.round(Math.min(1, Math.max(0, pressure)) * PRESSURE_STEPS) / PRESSURE_STEPS);
  }
  return out;
}

export interface PlacedWord {
  /** Board coordinates of the word's origin. */
  x: number;
  y: number;
  points: number[];
}

/** The side of the square a board of `strokes` strokes covers. */
export function boardSide(strokes: number): number {
  return Math.round(SIDE_PER_ROOT_STROKE * Math.sqrt(Math.max(1, strokes)));
}

/** `strokes` words, note by note: 10 to 40 words a note, in lines of 500 to 900 units. */
export function* handwriting(strokes: number, seed: number): Generator<PlacedWord> {
  const random = seededRandom(seed);
  const side = boardSide(strokes);
  let made = 0;
  while (made < strokes) {
    const noteX = Math.round(random() * side);
    const noteY = Math.round(random() * side);
    const height = 18 + Math.floor(random() * 14);
    const lineLength = 500 + random() * 400;
    const words = Math.min(strokes - made, 10 + Math.floor(random() * 30));
    let along = 0;
    let line = 0;
    for (let w = 0; w < words; w++) {
      const length = Math.round(height * (1.5 + random() * 3));
      if (along + length > lineLength) [along, line] = [0, line + 1];
      yield { x: noteX + Math.round(along), y: noteY + Math.round(line * height * 2.2), points: cursiveWord(random, length, height) };
      along += length + height * 0.8;
      made++;
    }
  }
}
