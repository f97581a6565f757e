import { insertElement } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { EXPORT_PADDING } from "./export-scope";
import { exportSvg } from "./svg";
import { boardWithOneOfEach } from "./test-board";

/** The groups the export wrote, one per element, by their `data-type`. */
function elementTypes(svg: string): string[] {
  return [...svg.matchAll(/<g data-type="(\w+)"/g)].map((match) => match[1]!);
}

const rect = { type: "rect" as const, x: 0, y: 0, w: 10, h: 10, color: "#000", width: 1, z: 0, createdBy: "Bo" };

describe("exportSvg", () => {
  it("contains every element of the board, in paint order, each drawn as the board draws it", () => {
    const { doc } = boardWithOneOfEach();
    const svg = exportSvg(doc, { transparent: false });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(elementTypes(svg)).toEqual(["stroke", "rect", "ellipse", "line", "arrow", "text"]);
    // The stroke is its filled perfect-freehand outline, traced in quadratic curves.
    expect(svg).toMatch(/<g data-type="stroke" transform="translate\(200 200\)"><path d="M[^"]+Q[^"]+Z" fill="#e5484d"\/>/);
    expect(svg).toContain('<rect width="30" height="40" fill="#eeeeee" stroke="#e5484d" stroke-width="2"');
    expect(svg).toMatch(/<g data-type="rect" transform="translate\(10 20\) rotate\(28\.65 15 20\)" opacity="0.5">/);
    expect(svg).toContain('<ellipse cx="25" cy="10" rx="25" ry="10" fill="none"');
    expect(svg).toContain('<polyline points="0,0 40,10"');
    // An arrow is its line and a head of two barbs meeting at the last point.
    expect(svg).toMatch(/<g data-type="arrow"[^>]*><polyline points="0,0 20,20 60,0"[^>]*\/><polyline points="[\d.-]+,[\d.-]+ 60,0 [\d.-]+,[\d.-]+"/);
    expect(svg).toContain('<tspan x="0" y="0">hello &#60;world&#62; &#38; &#34;friends&#34;</tspan>');
    expect(svg).toContain('<tspan x="0" y="22.5">  second line</tspan>');
  });

  it("fits its frame to the ink plus padding, and paints paper unless transparent", () => {
    const doc = new Y.Doc();
    insertElement(doc, { ...rect, x: 100, y: 50, w: 200, h: 100, width: 4 });
    const svg = exportSvg(doc, { transparent: false });
    // The box reaches half the stroke width past its edges.
    const [minX, minY, width, height] = [100 - 2 - EXPORT_PADDING, 50 - 2 - EXPORT_PADDING, 204 + 2 * EXPORT_PADDING, 104 + 2 * EXPORT_PADDING];
    expect(svg).toContain(`width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}"`);
    expect(svg).toContain(`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#fcfcfd"/>`);
    expect(exportSvg(doc, { transparent: true })).not.toContain("#fcfcfd");
  });

  it("exports only the selection when one is given", () => {
    const { doc, ids } = boardWithOneOfEach();
    expect(elementTypes(exportSvg(doc, { selection: new Set([ids[0]!, ids[5]!]), transparent: true }))).toEqual(["stroke", "text"]);
  });

  it("never lets what another client wrote into the doc out of its attribute", () => {
    const doc = new Y.Doc();
    insertElement(doc, { ...rect, color: '"/><script>alert(1)</script>', fill: "url(https://tracker.example/x)" });
    insertElement(doc, { ...rect, type: "text", text: "</text><script>x</script>", fontSize: 12 });
    const svg = exportSvg(doc, { transparent: true });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("tracker.example");
    // As on the canvas: a colour it cannot use falls back to the default ink; a bad fill to none.
    expect(svg).toContain('fill="none" stroke="#1b1b1f"');
  });

  it("makes a small blank image of an empty board rather than failing", () => {
    const svg = exportSvg(new Y.Doc(), { transparent: false });
    expect(svg).toContain(`width="${EXPORT_PADDING * 2}" height="${EXPORT_PADDING * 2}"`);
    expect(elementTypes(svg)).toEqual([]);
  });
});
