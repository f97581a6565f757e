import * as Y from "yjs";
import type { Store } from "../storage/store.js";
import { newBoard } from "./store.js";

/**
 * A board of `strokes` strokes of `points` points each, stored and folded into its snapshot as
 * a board nobody has open: about 1.1 MB per 1,000 strokes of 100 points.
 */
export async function storedBigBoard(store: Store, strokes: number, points = 100) {
  const board = await newBoard(store, "big");
  const seeded = new Y.Doc();
  seeded.transact(() => {
    const elements = seeded.getMap("elements");
    for (let i = 0; i < strokes; i++) {
      const element = new Y.Map<unknown>();
      element.set("type", "stroke");
      element.set("x", i % 1000);
      element.set("y", Math.floor(i / 1000) * 50);
      const coordinates: number[] = [];
      for (let p = 0; p < points; p++) coordinates.push(p, (p * 7) % 30, 32);
      element.set("points", Y.Array.from(coordinates));
      elements.set(`seed${i}`, element);
    }
  });
  const seq = await store.appendUpdates(board.key, [Y.encodeStateAsUpdate(seeded)], strokes);
  await store.compactDoc(board.key, seq);
  seeded.destroy();
  return board;
}
