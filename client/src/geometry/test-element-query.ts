import type * as Y from "yjs";
import { createScene } from "../canvas/scene";
import type { ElementQuery } from "./element-query";
import { createIndexedElementQuery } from "./indexed-element-query";
import { estimateText } from "./text-measure";

/** For tests: the editor's query over a scene of `doc` of its own, measuring text by the estimate. */
export function elementQueryFor(doc: Y.Doc): ElementQuery {
  const scene = createScene(doc);
  const query = createIndexedElementQuery(scene, estimateText);
  return {
    ...query,
    destroy() {
      query.destroy();
      scene.destroy();
    },
  };
}
