import { randomBytes } from "node:crypto";
import { ID_RANDOM_BYTES } from "@whiteboard/shared";

/** An unguessable, URL-safe id: 128 random bits as 22 base64url characters. */
export function newId(): string {
  return randomBytes(ID_RANDOM_BYTES).toString("base64url");
}
