import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { type Scene, createScene } from "./scene";
import { browserTextWidth } from "./text-width";

/**
 * A scene of `doc` for as long as the component is mounted, for a page that needs the
 * renderer's spatial index itself (hit testing, the eraser): pass it to `BoardCanvas` as
 * `scene` too, so both share one index and one read of the doc. Null on the first render.
 */
export function useScene(doc: Y.Doc | null): Scene | null {
  const [made, setMade] = useState<{ doc: Y.Doc; scene: Scene } | null>(null);
  useEffect(() => {
    if (!doc) return;
    const scene = createScene(doc, { textWidth: browserTextWidth() });
    setMade({ doc, scene });
    return () => {
      setMade(null);
      scene.destroy();
    };
  }, [doc]);
  // On the render where `doc` changes, the scene of the old doc is still in state: never hand it out.
  return made !== null && made.doc === doc ? made.scene : null;
}
