import { TEXT_LINE_HEIGHT, deleteElements, elementMapOf } from "@whiteboard/shared";
import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import * as Y from "yjs";
import type { ViewportStore } from "../../canvas/viewport-store";
import type { ElementQuery } from "../../geometry/element-query";
import { TEXT_FONT_FAMILY, type TextMeasure } from "../../geometry/text-measure";
import type { Edits } from "../edits";
import { textareaBaselineShift } from "./baseline-shift";
import { type TextDelta, shiftCaret, textSplice } from "./text-diff";

export interface TextEditorProps {
  id: string;
  edits: Edits;
  query: ElementQuery;
  viewport: ViewportStore;
  measure: TextMeasure;
  onClose: () => void;
}

/**
 * Typing into a text element, in place. A textarea sits exactly over the text the board draws,
 * with its own glyphs transparent: the board's drawing (which shows everyone's typing as it
 * arrives) is what the user sees, the textarea gives the caret, selection, IME and clipboard.
 * Each edit goes into the element's `Y.Text` as a splice, so two people typing in one element
 * both keep their words; others' edits come back into the textarea with the caret shifted.
 */
export function TextEditor({ id, edits, query, viewport, measure, onClose }: TextEditorProps) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const view = useStore(viewport);
  const [, setVersion] = useState(0);
  const [baselineShift] = useState(() => textareaBaselineShift(document.createElement("canvas").getContext("2d")));
  const element = query.get(id);
  const closed = useRef(false);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const textarea = ref.current;
    const map = elementMapOf(edits.doc, id);
    const text = map?.get("text");
    if (!textarea || !map || !(text instanceof Y.Text)) {
      onCloseRef.current();
      return;
    }
    closed.current = false;
    textarea.value = text.toString();
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);

    const onInput = () => {
      const splice = textSplice(text.toString(), textarea.value);
      if (!splice) return;
      edits.transact(() => {
        if (splice.remove > 0) text.delete(splice.index, splice.remove);
        if (splice.insert) text.insert(splice.index, splice.insert);
      });
    };
    const onRemote = (event: Y.YTextEvent) => {
      const value = text.toString();
      if (value === textarea.value) return;
      const delta = event.delta as TextDelta;
      const start = shiftCaret(textarea.selectionStart, delta);
      const end = shiftCaret(textarea.selectionEnd, delta);
      textarea.value = value;
      textarea.setSelectionRange(start, end);
    };
    // The element itself changing (moved, resized, restyled, deleted) moves or closes the editor.
    const onElement = () => {
      if (!edits.doc.getMap("elements").get(id)) onCloseRef.current();
      else setVersion((v) => v + 1);
    };
    textarea.addEventListener("input", onInput);
    text.observe(onRemote);
    const unsubscribe = query.subscribe(onElement);
    return () => {
      textarea.removeEventListener("input", onInput);
      text.unobserve(onRemote);
      unsubscribe();
      // Text left empty is not worth keeping: it would be an invisible element nobody can find.
      if (text.length === 0 && edits.doc.getMap("elements").get(id) === map) edits.transact(() => deleteElements(edits.doc, [id]));
      edits.separate();
    };
  }, [id, edits, query]);

  if (!element || element.type !== "text") return null;
  const lines = element.text.split("\n");
  const widest = Math.max(...lines.map((line) => measure(line, element.fontSize)));
  const fontPx = element.fontSize * view.zoom;
  const shift = baselineShift * fontPx;
  const close = () => {
    if (closed.current) return;
    closed.current = true;
    onCloseRef.current();
  };

  return (
    <textarea
      ref={ref}
      className="text-editor"
      data-testid="text-editor"
      aria-label="Text"
      spellCheck={false}
      wrap="off"
      style={{
        left: (element.x - view.x) * view.zoom,
        top: (element.y - view.y) * view.zoom - shift,
        // Room for the next character, so the caret never scrolls the text out of place.
        width: (widest + element.fontSize) * view.zoom,
        height: lines.length * element.fontSize * TEXT_LINE_HEIGHT * view.zoom,
        font: `${fontPx}px ${TEXT_FONT_FAMILY}`,
        lineHeight: TEXT_LINE_HEIGHT,
        caretColor: element.color,
        opacity: element.opacity ?? 1,
      }}
      onBlur={close}
      onKeyDown={(event) => {
        if (event.key === "Escape" || (event.key === "Enter" && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          close();
        }
      }}
    />
  );
}
