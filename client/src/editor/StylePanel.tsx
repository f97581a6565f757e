import type { Element, StylePatch } from "@whiteboard/shared";
import type { CSSProperties } from "react";
import { useStore } from "zustand";
import type { ElementQuery } from "../geometry/element-query";
import type { SelectionStore } from "../selection/selection-store";
import { type ToolStyle, isStyledTool } from "../tools/tool";
import { useSelectedElements } from "./use-selected-elements";
import { type EditorStore, FILL_COLORS, FONT_SIZES, INK_COLORS, MAX_WIDTH, MIN_WIDTH } from "./editor-store";

export interface StylePanelProps {
  store: EditorStore;
  query: ElementQuery;
  selection: SelectionStore;
  /** Restyles the selection, as one undo step. */
  restyle: (patch: StylePatch) => void;
}

const NO_IDS: readonly string[] = [];

/** What the panel is styling: the selection (with the select tool), or a drawing tool's next element. */
interface Target {
  style: ToolStyle;
  stroke: boolean;
  fill: boolean;
  text: boolean;
  apply: (patch: Partial<ToolStyle>) => void;
}

/**
 * Colour, width, fill, opacity and font size. With a drawing tool it sets that tool's style
 * (which sticks to the tool); with the select tool and a selection it restyles the selection.
 */
export function StylePanel({ store, query, selection, restyle }: StylePanelProps) {
  const tool = useStore(store, (s) => s.tool);
  const styles = useStore(store, (s) => s.styles);
  const ids = useStore(selection, (s) => s.ids);
  const selected = useSelectedElements(query, tool === "select" ? ids : NO_IDS);

  let target: Target | null = null;
  if (selected.length > 0) {
    target = selectionTarget(selected, restyle);
  } else if (isStyledTool(tool)) {
    target = {
      style: styles[tool],
      stroke: tool !== "text",
      fill: tool === "rect" || tool === "ellipse",
      text: tool === "text",
      apply: (patch) => store.getState().setStyle(patch),
    };
  }
  if (target === null) return null;
  const { style, apply } = target;

  return (
    <aside className="style-panel" aria-label="Style" data-testid="style-panel">
      <fieldset className="style-row">
        <legend>{target.text && !target.stroke ? "Colour" : "Stroke"}</legend>
        <div className="swatches">
          {INK_COLORS.map((ink) => (
            <button
              key={ink}
              type="button"
              className="swatch"
              style={{ background: ink }}
              aria-pressed={style.color === ink}
              title={ink}
              onClick={() => apply({ color: ink })}
            >
              <span className="visually-hidden">Colour {ink}</span>
            </button>
          ))}
          <label className="swatch custom" title="Any colour" style={{ "--ink": style.color } as CSSProperties}>
            <span className="visually-hidden">Any colour</span>
            <input type="color" data-testid="color-picker" value={hexOrBlack(style.color)} onChange={(event) => apply({ color: event.target.value })} />
          </label>
        </div>
      </fieldset>

      {target.stroke && (
        <label className="style-row width-field" title="Stroke width">
          <span className="style-label">Width</span>
          <input
            type="range"
            data-testid="width-picker"
            min={MIN_WIDTH}
            max={MAX_WIDTH}
            step={1}
            value={style.width}
            onChange={(event) => apply({ width: Number(event.target.value) })}
          />
          <span className="width-value small muted">{style.width}</span>
        </label>
      )}

      {target.fill && (
        <fieldset className="style-row">
          <legend>Fill</legend>
          <div className="swatches">
            <button
              type="button"
              className="swatch no-fill"
              data-testid="fill-none"
              aria-pressed={style.fill === null}
              title="No fill"
              onClick={() => apply({ fill: null })}
            >
              <span className="visually-hidden">No fill</span>
            </button>
            {FILL_COLORS.map((fill) => (
              <button
                key={fill}
                type="button"
                className="swatch"
                style={{ background: fill }}
                aria-pressed={style.fill === fill}
                title={fill}
                onClick={() => apply({ fill })}
              >
                <span className="visually-hidden">Fill {fill}</span>
              </button>
            ))}
            <label className="swatch custom" title="Any fill" style={{ "--ink": style.fill ?? "transparent" } as CSSProperties}>
              <span className="visually-hidden">Any fill</span>
              <input type="color" data-testid="fill-picker" value={hexOrBlack(style.fill ?? "#ffffff")} onChange={(event) => apply({ fill: event.target.value })} />
            </label>
          </div>
        </fieldset>
      )}

      {target.text && (
        <fieldset className="style-row">
          <legend>Font size</legend>
          <div className="font-sizes">
            {FONT_SIZES.map((size, i) => (
              <button
                key={size}
                type="button"
                className="font-size-button"
                data-testid={`font-size-${size}`}
                aria-pressed={style.fontSize === size}
                onClick={() => apply({ fontSize: size })}
              >
                {["S", "M", "L", "XL"][i]}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      <label className="style-row width-field" title="Opacity">
        <span className="style-label">Opacity</span>
        <input
          type="range"
          data-testid="opacity-picker"
          min={5}
          max={100}
          step={5}
          value={Math.round(style.opacity * 100)}
          onChange={(event) => apply({ opacity: Number(event.target.value) / 100 })}
        />
        <span className="width-value small muted">{Math.round(style.opacity * 100)}</span>
      </label>
    </aside>
  );
}

function selectionTarget(elements: readonly Element[], restyle: (patch: StylePatch) => void): Target {
  const first = elements[0]!;
  const firstBox = elements.find((e) => e.type === "rect" || e.type === "ellipse");
  const firstText = elements.find((e) => e.type === "text");
  const firstStroked = elements.find((e) => e.type !== "text");
  return {
    style: {
      color: first.color,
      width: firstStroked?.width ?? 1,
      opacity: first.opacity ?? 1,
      fill: firstBox && "fill" in firstBox && firstBox.fill !== undefined ? firstBox.fill : null,
      fontSize: firstText && firstText.type === "text" ? firstText.fontSize : FONT_SIZES[1],
    },
    stroke: firstStroked !== undefined,
    fill: firstBox !== undefined,
    text: firstText !== undefined,
    apply: (patch) => restyle(patch),
  };
}

/** `<input type=color>` takes only #rrggbb; a colour written another way shows as black there. */
function hexOrBlack(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : "#000000";
}
