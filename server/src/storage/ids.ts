import { randomBytes } from "node:crypto";
import { ID_RANDOM_BYTES } from "@whiteboard/shared";

/** An unguessable, URL-safe id: 128 random bits as 22 base64url characters. */
export function newId(): string {
  return randomBytes(ID_RANDOM_BYTES).toString("base64url");
}

/**
 * A board's or member's internal key: never sent to a client. 96 bits, 16 characters, so it can
 * never be mistaken for (or accepted as) a 22-character capability.
 */
export function newKey(): string {
  return randomBytes(12).toString("base64url");
}
