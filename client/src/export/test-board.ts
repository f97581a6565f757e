import { type ElementFields, appendStrokePoints, createStroke, insertElement } from "@whiteboard/shared";
import * as Y from "yjs";

const ink = { color: "#e5484d", width: 2, createdBy: "Ada" };

/** One element of every SPEC type, the stroke drawn as the pen draws it. */
export const ONE_OF_EACH: ElementFields[] = [
  { ...ink, type: "rect", x: 10, y: 20, z: 1, w: 30, h: 40, fill: "#eeeeee", rotation: 0.5, opacity: 0.5 },
  { ...ink, type: "ellipse", x: 100, y: 20, z: 2, w: 50, h: 20 },
  { ...ink, type: "line", x: 0, y: 100, z: 3, points: [0, 0, 40, 10] },
  { ...ink, type: "arrow", x: 60, y: 100, z: 4, points: [0, 0, 20, 20, 60, 0] },
  { ...ink, type: "text", x: 0, y: 150, z: 5, text: "hello <world> & \"friends\"\n  second line", fontSize: 18 },
];

/** A board holding `ONE_OF_EACH` and a pen stroke under them; returns the doc and the ids. */
export function boardWithOneOfEach(): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const stroke = createStroke(doc, { ...ink, zoom: 1, first: { x: 200, y: 200, pressure: 0.5 } });
  appendStrokePoints(doc, stroke, [{ x: 220, y: 210, pressure: 0.75 }, { x: 240, y: 200, pressure: 0.5 }], 1);
  const ids = [stroke, ...ONE_OF_EACH.map((fields) => insertElement(doc, fields))];
  return { doc, ids };
}
