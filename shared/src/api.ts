import { z } from "zod";
import { BOARD_NAME_MAX_LENGTH } from "./limits.js";

/** SPEC's board, as the JSON API sends it. Times are ISO 8601 strings. */
export const boardSchema = z.object({
  id: z.string(),
  viewId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  elementCount: z.number().int().nonnegative(),
  /** Editors connected now. */
  editors: z.number().int().nonnegative(),
  /** Viewers connected now. */
  viewers: z.number().int().nonnegative(),
});
export type Board = z.infer<typeof boardSchema>;

export const boardListSchema = z.object({ boards: z.array(boardSchema) });
export type BoardList = z.infer<typeof boardListSchema>;

/** What a viewer may learn of a board: never its edit `id`. */
export const viewInfoSchema = z.strictObject({
  viewId: z.string(),
  name: z.string(),
  updatedAt: z.string(),
});
export type ViewInfo = z.infer<typeof viewInfoSchema>;

const boardName = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(BOARD_NAME_MAX_LENGTH, { error: `must be at most ${BOARD_NAME_MAX_LENGTH} characters` });

/** `POST /api/boards` body: the name is optional (the server defaults it). */
export const createBoardSchema = z.object({ name: boardName.optional() }, { error: "must be a JSON object" });
export type CreateBoardInput = z.infer<typeof createBoardSchema>;

/** `PATCH /api/boards/:id` body. */
export const renameBoardSchema = z.object({ name: boardName }, { error: "must be a JSON object" });
export type RenameBoardInput = z.infer<typeof renameBoardSchema>;

/**
 * A validation failure as one sentence that names the field, for SPEC's `bad_request` message:
 * `name: must be at most 120 characters`.
 */
export function describeValidationError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}
