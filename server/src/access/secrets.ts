import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { ID_RANDOM_BYTES } from "@whiteboard/shared";

/** A fresh 128-bit secret in the shape of every capability: 22 URL-safe characters. */
export function newSecret(): string {
  return randomBytes(ID_RANDOM_BYTES).toString("base64url");
}

/**
 * What the store keeps of a secret. A plain SHA-256 is enough: the secrets carry 128 random bits,
 * so there is no dictionary to run, and a lookup by hash stays one indexed read.
 */
export function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret).digest();
}

/** Constant-time comparison of a presented token with the configured one, whatever their lengths. */
export function sameToken(presented: string, expected: string): boolean {
  return timingSafeEqual(hashSecret(presented), hashSecret(expected));
}
