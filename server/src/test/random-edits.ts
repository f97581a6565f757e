import * as Y from "yjs";

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of `doc` (add a stroke, extend one, move one, delete one), as an update. */
export function randomEdit(doc: Y.Doc, next: () => number, n: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const elements = doc.getMap<Y.Map<unknown>>("elements");
  const ids = [...elements.keys()];
  const pick = next();
  doc.transact(() => {
    if (ids.length === 0 || pick < 0.4) {
      const element = new Y.Map<unknown>();
      element.set("type", "stroke");
      element.set("x", Math.round(next() * 1000));
      element.set("points", Y.Array.from([0, 0, 32]));
      elements.set(`s${n}`, element);
    } else if (pick < 0.75) {
      (elements.get(ids[Math.floor(next() * ids.length)]!)!.get("points") as Y.Array<number>).push([n, n, 32]);
    } else if (pick < 0.9) {
      elements.get(ids[Math.floor(next() * ids.length)]!)!.set("x", n);
    } else {
      elements.delete(ids[Math.floor(next() * ids.length)]!);
    }
  });
  return Y.encodeStateAsUpdate(doc, before);
}
