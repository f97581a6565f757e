/**
 * Web Crypto is a global in every browser and in Node >= 19; `shared` compiles with neither DOM
 * nor Node types, so the one function used is declared here.
 */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

/** 96 bits: ids only need to be unique within a board, and every element's key repeats in the doc. */
const ID_BYTES = 12;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A fresh element id: 16 URL-safe characters from `crypto.getRandomValues` (works on plain http too). */
export function newElementId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_BYTES));
  let id = "";
  // Three bytes make four base64url characters; 12 bytes divide evenly, so no padding.
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    id += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  return id;
}
