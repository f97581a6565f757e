import * as Y from "yjs";
import type { Room } from "../rooms/room.js";

/** A copy of the document a room holds, wherever it holds it (event loop or own thread). */
export async function roomDoc(room: Room): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await room.wholeState());
  return doc;
}
