import * as Y from "yjs";
import { elementsOf } from "./element.js";

/**
 * A `z` above every element in the doc, so a new element paints on top. Two clients adding at
 * once may pick the same `z`; SPEC breaks that tie by id, so both still paint alike.
 */
export function nextZ(doc: Y.Doc): number {
  let top = -1;
  elementsOf(doc).forEach((value) => {
    const z: unknown = value instanceof Y.Map ? value.get("z") : undefined;
    if (typeof z === "number" && Number.isFinite(z) && z > top) top = z;
  });
  return Math.floor(top) + 1;
}
