/**
 * A board of handwriting, made in the page (where the app's own Yjs classes are) and written
 * through the editor's provider, as a person's strokes would be. Deterministic for a seed.
 *
 * Strokes are cursive "words" of about 100 points: a baseline that advances while the pen
 * loops (a prolate cycloid), with pressure swelling and fading along the word. Words sit in
 * lines, lines in notes, notes scattered over a square that grows with the stroke count (the
 * first one at the origin, where the editor opens), so every board has the same density: about
 * 85 strokes on a 1280x800 screen at 100% on average, and up to ~8,000 at 10%. Coordinates are integers relative to the stroke's `x`, `y` and pressure is
 * in 1/64 steps, as the app writes them (DESIGN, "Board size is mostly numbers").
 */
export interface SeedRequest {
  strokes: number;
  seed: number;
  /** Strokes per transaction: one update message each, kept under the server's 8 MiB frame limit. */
  batch: number;
}

export interface SeedResult {
  strokes: number;
  points: number;
  side: number;
}

/** Runs in the page: `window.__whiteboard.doc` is the editor's doc (client/src/editor/test-hook.ts). */
export async function seedInPage({ strokes, seed, batch }: SeedRequest): Promise<SeedResult> {
  interface DocLike {
    transact(fn: () => void): void;
    getMap(name: string): { set(key: string, value: unknown): void; constructor: new () => MapLike };
    getArray(name: string): { constructor: new () => ArrayLike };
    constructor: new () => DocLike;
  }
  interface MapLike {
    set(key: string, value: unknown): void;
  }
  interface ArrayLike {
    push(values: number[]): void;
  }
  const doc = (window as unknown as { __whiteboard: { doc: DocLike } }).__whiteboard.doc;
  const elements = doc.getMap("elements");
  const YMap = elements.constructor;
  const YArray = new doc.constructor().getArray("scratch").constructor;

  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const inks = ["#1b1b1f", "#1b1b1f", "#1b1b1f", "#0090ff", "#e5484d", "#30a46c", "#8e4ec6", "#f76b15"];
  const side = Math.round(110 * Math.sqrt(strokes));
  const POINTS = 100;
  let made = 0;
  let points = 0;
  let z = 0;
  let id = 0;

  const word = (originX: number, originY: number, length: number, height: number, color: string, width: number) => {
    const flat: number[] = [];
    const loops = 3 + Math.floor(random() * 5);
    const radius = height * (0.25 + random() * 0.2);
    const slant = 0.2 + random() * 0.2;
    let lastX = Number.NaN;
    let lastY = Number.NaN;
    for (let i = 0; i < POINTS; i++) {
      const t = i / (POINTS - 1);
      const angle = t * loops * Math.PI * 2;
      const wobble = Math.sin(t * 9 + loops) * height * 0.15;
      const y = Math.round(-radius * (1 - Math.cos(angle)) * (0.8 + 0.4 * Math.sin(t * 5)) + wobble);
      const x = Math.round(t * length + radius * Math.sin(angle) * 0.9 - y * slant);
      if (x === lastX && y === lastY) continue;
      const pressure = Math.round((0.3 + 0.45 * Math.sin(Math.PI * t) + (random() - 0.5) * 0.1) * 64) / 64;
      flat.push(x, y, Math.min(1, Math.max(0, pressure)));
      lastX = x;
      lastY = y;
    }
    const pointArray = new YArray();
    pointArray.push(flat);
    const map = new YMap();
    map.set("type", "stroke");
    map.set("x", originX);
    map.set("y", originY);
    map.set("color", color);
    map.set("width", width);
    map.set("z", z++);
    map.set("createdBy", "bench");
    map.set("points", pointArray);
    elements.set(`bench${(id++).toString(36).padStart(6, "0")}`, map);
    made++;
    points += flat.length / 3;
  };

  const note = () => {
    const first = made === 0;
    const noteX = first ? 80 : Math.round(random() * side);
    const noteY = first ? 120 : Math.round(random() * side);
    const color = inks[Math.floor(random() * inks.length)]!;
    const width = 2 + Math.floor(random() * 4);
    const height = 18 + Math.floor(random() * 14);
    const lineWidth = 500 + random() * 400;
    const count = Math.min(strokes - made, 10 + Math.floor(random() * 30));
    let x = 0;
    let line = 0;
    for (let i = 0; i < count; i++) {
      const length = Math.round(height * (1.5 + random() * 3));
      if (x + length > lineWidth) {
        x = 0;
        line++;
      }
      word(noteX + Math.round(x), noteY + Math.round(line * height * 2.2), length, height, color, width);
      x += length + height * 0.8;
    }
  };

  while (made < strokes) {
    const target = Math.min(strokes, made + batch);
    doc.transact(() => {
      while (made < target) note();
    });
    // Let the provider's socket drain before the next megabytes.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { strokes: made, points, side };
}
