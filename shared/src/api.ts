import "./zod-config.js";
import { z } from "zod";
import { BOARD_NAME_MAX_LENGTH, ID_PATTERN, LIBRARY_NAME_MAX_LENGTH } from "./limits.js";

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

/** Library ids, capabilities and invites share one shape: 22 URL-safe characters (`ID_PATTERN`). */
const tokenField = z.string({ error: "must be a string" }).regex(ID_PATTERN, { error: "must be a 22-character id" });

/**
 * `POST /api/boards` body: the name is optional (the server defaults it); `libraryId` names a
 * shared library of the caller's to put the board in (default: the personal library).
 */
export const createBoardSchema = z.object(
  { name: boardName.optional(), libraryId: tokenField.optional() },
  { error: "must be a JSON object" },
);
export type CreateBoardInput = z.infer<typeof createBoardSchema>;

/** `PATCH /api/boards/:id` body. */
export const renameBoardSchema = z.object({ name: boardName }, { error: "must be a JSON object" });
export type RenameBoardInput = z.infer<typeof renameBoardSchema>;

// ── Libraries (SPEC "Libraries") ─────────────────────────────────────────────────────────────

export const ROLES = ["edit", "view"] as const;
export type Role = (typeof ROLES)[number];

/**
 * One board in a library. `id` (the edit capability) is present only where `role` is "edit": an
 * entry made from a view id never carries it. Strict, so a server that let `id` slip into a view
 * entry fails the client's parse instead of passing unnoticed.
 */
const entryFields = {
  viewId: z.string(),
  name: z.string(),
  updatedAt: z.string(),
  elementCount: z.number().int().nonnegative(),
  editors: z.number().int().nonnegative(),
  viewers: z.number().int().nonnegative(),
  thumbnail: z.string().optional(),
};
export const editEntrySchema = z.strictObject({ ...entryFields, role: z.literal("edit"), id: z.string() });
export const viewEntrySchema = z.strictObject({ ...entryFields, role: z.literal("view") });
export const libraryEntrySchema = z.discriminatedUnion("role", [editEntrySchema, viewEntrySchema]);
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;
export type EditEntry = z.infer<typeof editEntrySchema>;

/** A board in a library's trash: only edit entries show there, since restoring needs the `id`. */
export const trashEntrySchema = editEntrySchema.extend({ deletedAt: z.string(), purgeAt: z.string() });
export type TrashEntry = z.infer<typeof trashEntrySchema>;

/**
 * One library as `GET /api/library` sends it. `invite` is on shared libraries only (every member
 * may copy or rotate it); `trash` holds boards deleted in the last 7 days, restorable.
 */
export const librarySchema = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean(),
  invite: z.string().optional(),
  boards: z.array(libraryEntrySchema),
  trash: z.array(trashEntrySchema),
});
export type Library = z.infer<typeof librarySchema>;

export const libraryListSchema = z.object({ libraries: z.array(librarySchema) });
export type LibraryList = z.infer<typeof libraryListSchema>;

/** `POST /api/libraries` answer: the caller is the first member. */
export const createdLibrarySchema = z.object({ id: z.string(), name: z.string(), invite: z.string() });
export type CreatedLibrary = z.infer<typeof createdLibrarySchema>;

export const inviteSchema = z.object({ invite: z.string() });

const libraryName = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(LIBRARY_NAME_MAX_LENGTH, { error: `must be at most ${LIBRARY_NAME_MAX_LENGTH} characters` });

/** `POST /api/libraries` body. */
export const createLibrarySchema = z.object({ name: libraryName }, { error: "must be a JSON object" });

/** `POST /api/libraries/join` body: a library invite. */
export const joinLibrarySchema = z.object({ invite: tokenField }, { error: "must be a JSON object" });

/** `POST /api/member/devices` body: the token of a device link (`/device/:token`). */
export const redeemDeviceLinkSchema = z.object({ token: tokenField }, { error: "must be a JSON object" });

/**
 * `POST /api/member/device-link` answer: a one-time link, `/device/<invite>`, that makes another
 * browser this member.
 */
export const deviceLinkSchema = z.object({ invite: z.string(), expiresAt: z.string() });
export type DeviceLink = z.infer<typeof deviceLinkSchema>;

/**
 * A validation failure as one sentence that names the field, for SPEC's `bad_request` message:
 * `name: must be at most 120 characters`.
 */
export function describeValidationError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}
