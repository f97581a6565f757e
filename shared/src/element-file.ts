import "./zod-config.js";
import { z } from "zod";
import { POLYLINE_POINT_SIZE, STROKE_POINT_SIZE } from "./element.js";
import type { ElementFields } from "./element-write.js";
import { MAX_WS_MESSAGE_BYTES } from "./limits.js";

/**
 * The board file (`.json`): a board's elements outside any `Y.Doc`, to save, send and open into
 * another board. Elements carry SPEC's fields with plain values (points as arrays, text as a
 * string) and no ids: a file opened into a board always gets fresh ids, so opening it twice
 * duplicates rather than overwrites.
 *
 *   { "format": "whiteboard", "version": 1, "elements": [ {"type": "stroke", ...}, ... ] }
 */
export const BOARD_FILE_FORMAT = "whiteboard";
/**
 * Bumped only for a change an older reader would get wrong; new optional fields are not one
 * (readers ignore fields they do not know, as the app does in the doc).
 */
export const BOARD_FILE_VERSION = 1;

/**
 * The largest Yjs update an import may write. It goes to the server as one WebSocket message,
 * and one over `MAX_WS_MESSAGE_BYTES` closes the socket with 1009, on every reconnect too (the
 * provider resends what the server lacks in one message), so the board would never sync again.
 * A quarter is left for whatever else this client has not sent yet.
 */
export const MAX_IMPORT_UPDATE_BYTES = (MAX_WS_MESSAGE_BYTES * 3) / 4;

/** An element as the file holds it: every SPEC field but the id, exactly as the doc's writers take it. */
export type FileElement = ElementFields;

export interface BoardFile {
  format: typeof BOARD_FILE_FORMAT;
  version: typeof BOARD_FILE_VERSION;
  /** In paint order, bottom first. */
  elements: FileElement[];
}

const finite = z.number();
/** Like `readElement`: an optional field of the wrong type is dropped, not fatal. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const base = {
  x: finite,
  y: finite,
  color: z.string(),
  width: finite.nonnegative(),
  z: finite,
  createdBy: z.string(),
  rotation: lenient(finite),
  opacity: lenient(finite.min(0).max(1)),
};

/**
 * Flat points of whole `size`-tuples, at least `minPoints` of them. A trailing partial tuple is
 * dropped, as `readElement` does; a non-number anywhere refuses the element.
 */
function flatPoints(size: number, minPoints: number) {
  return z
    .array(finite)
    .transform((points) => points.slice(0, points.length - (points.length % size)))
    .refine((points) => points.length >= size * minPoints, {
      error: `must hold at least ${minPoints} point${minPoints > 1 ? "s" : ""} of ${size} numbers`,
    });
}

export const fileElementSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("stroke"), points: flatPoints(STROKE_POINT_SIZE, 1) }),
  z.object({ ...base, type: z.enum(["line", "arrow"]), points: flatPoints(POLYLINE_POINT_SIZE, 2) }),
  z.object({
    ...base,
    type: z.enum(["rect", "ellipse"]),
    w: finite.nonnegative(),
    h: finite.nonnegative(),
    fill: lenient(z.string()),
  }),
  z.object({ ...base, type: z.literal("text"), text: z.string(), fontSize: finite.positive() }),
]);

// The schema is the file's reader: what it accepts must be an element the app can draw.
type Parsed = z.output<typeof fileElementSchema>;
const parsedIsFileElement = (parsed: Parsed): FileElement => parsed;
void parsedIsFileElement;

/** What a file opened into a board turned out to hold. */
export type BoardFileRead =
  | { ok: true; elements: FileElement[]; skipped: number }
  | { ok: false; error: string };

/**
 * Reads a parsed `.json` board file. The file as a whole must be one (format, a version this
 * reader knows, an `elements` array), or nothing is read and `error` says why in a sentence for
 * the person who picked the file; within it, each element that is not valid is skipped and
 * counted, never fatal, so one odd element does not cost the rest.
 */
export function readBoardFile(value: unknown): BoardFileRead {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: "This is not a Whiteboard file: it is not a JSON object." };
  }
  const file = value as Record<string, unknown>;
  if (file.format !== BOARD_FILE_FORMAT) {
    return { ok: false, error: `This is not a Whiteboard file: "format" must be "${BOARD_FILE_FORMAT}".` };
  }
  const version = file.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `This Whiteboard file is damaged: "version" must be a whole number from 1.` };
  }
  if (version > BOARD_FILE_VERSION) {
    return {
      ok: false,
      error: `This file was saved by a newer Whiteboard (file version ${version}); this one reads version ${BOARD_FILE_VERSION}.`,
    };
  }
  if (!Array.isArray(file.elements)) {
    return { ok: false, error: `This Whiteboard file is damaged: "elements" must be an array.` };
  }

  const elements: FileElement[] = [];
  let skipped = 0;
  for (const candidate of file.elements as unknown[]) {
    const parsed = fileElementSchema.safeParse(candidate);
    if (parsed.success) elements.push(withoutAbsentFields(parsed.data));
    else skipped++;
  }
  return { ok: true, elements, skipped };
}

/** `lenient` leaves `key: undefined` behind for a dropped field; the element should not carry it. */
function withoutAbsentFields(element: Parsed): FileElement {
  const clean: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(element)) if (field !== undefined) clean[key] = field;
  return clean as FileElement;
}
