import { type Element, POLYLINE_POINT_SIZE, STROKE_POINT_SIZE } from "@whiteboard/shared";
import type { Viewport } from "../../canvas/viewport";
import { elementShape } from "../../geometry/element-shape";
import type { TextMeasure } from "../../geometry/text-measure";
import { currentScheme } from "../../canvas/color-scheme";
import { PAPER } from "../../canvas/paper";

/** How much of the paper veils an element: enough to read as "about to go", not gone. */
const VEIL_ALPHA = 0.72;

/** The paper's colour in the scheme on screen: veiling an element in it makes it look faded. */
function veil(): string {
  const paper = PAPER[currentScheme(window)].paper;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(paper.slice(i, i + 2), 16));
  return `rgb(${r} ${g} ${b} / ${VEIL_ALPHA})`;
}

/**
 * What the eraser will remove, shown faded: each element is traced again in the paper's colour
 * over itself, a little wider than its ink. The renderer's own drawing is not touched (it is
 * shared with the viewer); this only veils it until the pointer lifts.
 */
export function drawEraserPreview(ctx: CanvasRenderingContext2D, view: Viewport, elements: readonly Element[], measure: TextMeasure): void {
  ctx.save();
  ctx.setTransform(ctx.getTransform().multiply(new DOMMatrix([view.zoom, 0, 0, view.zoom, -view.x * view.zoom, -view.y * view.zoom])));
  const color = veil();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  for (const element of elements) {
    const shape = elementShape(element, measure);
    ctx.save();
    if (shape.rotation) {
      ctx.translate(shape.centre.x, shape.centre.y);
      ctx.rotate(shape.rotation);
      ctx.translate(-shape.centre.x, -shape.centre.y);
    }
    ctx.translate(element.x, element.y);
    ctx.lineWidth = element.width + 4 / view.zoom;
    ctx.beginPath();
    switch (element.type) {
      case "stroke":
      case "line":
      case "arrow": {
        const size = element.type === "stroke" ? STROKE_POINT_SIZE : POLYLINE_POINT_SIZE;
        const { points } = element;
        ctx.moveTo(points[0]!, points[1]!);
        for (let i = size; i + 1 < points.length; i += size) ctx.lineTo(points[i]!, points[i + 1]!);
        if (points.length === size) ctx.lineTo(points[0]! + 0.01, points[1]!);
        // Arrowheads reach past the line's end: a wider veil covers them.
        if (element.type === "arrow") ctx.lineWidth = element.width + 28 / view.zoom;
        ctx.stroke();
        break;
      }
      case "rect":
        ctx.rect(0, 0, element.w, element.h);
        if (element.fill !== undefined) ctx.fill();
        ctx.stroke();
        break;
      case "ellipse":
        ctx.ellipse(element.w / 2, element.h / 2, element.w / 2, element.h / 2, 0, 0, Math.PI * 2);
        if (element.fill !== undefined) ctx.fill();
        ctx.stroke();
        break;
      case "text":
        ctx.fillRect(-2, -2, shape.box.maxX - shape.box.minX + 4, shape.box.maxY - shape.box.minY + 4);
        break;
      default: {
        const unhandled: never = element;
        void unhandled;
      }
    }
    ctx.restore();
  }
  ctx.restore();
}
