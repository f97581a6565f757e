import * as Y from "yjs";

/** One rectangle added to the board under `id`, in one transaction, as an editor would draw it. */
export function drawRect(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const element = new Y.Map<unknown>();
    element.set("type", "rect");
    element.set("x", 1);
    element.set("y", 2);
    element.set("w", 3);
    element.set("h", 4);
    doc.getMap("elements").set(id, element);
  });
}
