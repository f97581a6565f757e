import { type BoxElement, POLYLINE_POINT_SIZE, type PolylineElement, TEXT_LINE_HEIGHT, type TextElement } from "@whiteboard/shared";
import { arrowhead } from "../canvas/arrowhead";
import { centreOf } from "../canvas/bounds";
import { TEXT_FONT } from "../canvas/draw-element";
import type { SceneEntry } from "../canvas/scene";
import { strokeOutline, traceOutline } from "../canvas/stroke-outline";
import { attrs, escapeXml, num, svgColor } from "./svg-markup";
import { svgPath } from "./svg-path";

/**
 * One element as an SVG group, drawn as `drawElement` draws it on the board: the same outline
 * for a stroke (perfect-freehand, traced the same way), the same boxes, lines, arrowheads and
 * text, placed at `x`, `y`, rotated about the centre of its box, with its opacity.
 */
export function svgElement(entry: SceneEntry): string {
  const { element } = entry;
  let transform = `translate(${num(element.x)} ${num(element.y)})`;
  if (element.rotation) {
    const centre = centreOf(entry.local);
    transform += ` rotate(${num((element.rotation * 180) / Math.PI)} ${num(centre.x)} ${num(centre.y)})`;
  }
  const color = svgColor(element.color);
  const group = attrs({ "data-type": element.type, transform, opacity: element.opacity });
  return `<g${group}>${body(entry, color)}</g>`;
}

function body({ element }: SceneEntry, color: string): string {
  switch (element.type) {
    case "stroke": {
      const d = svgPath((sink) => traceOutline(sink, strokeOutline(element.points, element.width)));
      return d ? `<path${attrs({ d, fill: color })}/>` : "";
    }
    case "rect":
    case "ellipse":
      return box(element, color);
    case "line":
    case "arrow":
      return polyline(element, color);
    case "text":
      return text(element, color);
    default: {
      const unhandled: never = element;
      return unhandled;
    }
  }
}

function box(box: BoxElement, color: string): string {
  const paint = attrs({
    fill: box.fill === undefined ? "none" : svgColor(box.fill, "none"),
    stroke: box.width > 0 ? color : "none",
    "stroke-width": box.width > 0 ? box.width : undefined,
    // The canvas draws every element with round joins: a rectangle's corners come out rounded.
    "stroke-linejoin": box.width > 0 ? "round" : undefined,
  });
  if (box.type === "rect") return `<rect${attrs({ width: box.w, height: box.h })}${paint}/>`;
  return `<ellipse${attrs({ cx: box.w / 2, cy: box.h / 2, rx: box.w / 2, ry: box.h / 2 })}${paint}/>`;
}

function polyline(line: PolylineElement, color: string): string {
  const ink = attrs({
    fill: "none",
    stroke: color,
    "stroke-width": line.width,
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
  });
  const { points } = line;
  const coordinates: string[] = [];
  for (let i = 0; i + 1 < points.length; i += POLYLINE_POINT_SIZE) coordinates.push(`${num(points[i]!)},${num(points[i + 1]!)}`);
  let out = `<polyline${attrs({ points: coordinates.join(" ") })}${ink}/>`;
  if (line.type !== "arrow") return out;

  const head = arrowhead(points, line.width);
  if (head) {
    const at = (p: { x: number; y: number }) => `${num(p.x)},${num(p.y)}`;
    out += `<polyline${attrs({ points: `${at(head.left)} ${at(head.tip)} ${at(head.right)}` })}${ink}/>`;
  }
  return out;
}

function text(element: TextElement, color: string): string {
  const lineHeight = element.fontSize * TEXT_LINE_HEIGHT;
  // `text-before-edge` is the canvas's `textBaseline = "top"`; `pre` keeps runs of spaces, as `fillText` does.
  const style = attrs({
    fill: color,
    "font-family": TEXT_FONT,
    "font-size": element.fontSize,
    "dominant-baseline": "text-before-edge",
    style: "white-space:pre",
    "xml:space": "preserve",
  });
  const lines = element.text
    .split("\n")
    .map((line, i) => `<tspan${attrs({ x: 0, y: i * lineHeight })}>${escapeXml(line)}</tspan>`)
    .join("");
  return `<text${style}>${lines}</text>`;
}
