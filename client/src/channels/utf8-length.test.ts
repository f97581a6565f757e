import { describe, expect, it } from "vitest";
import { utf8Length } from "./utf8-length";

const encoded = (text: string) => new TextEncoder().encode(text).byteLength;

describe("utf8Length", () => {
  it.each([
    ["", "empty"],
    ['{"update":"AAEC"}', "ASCII"],
    ["Café · naïve", "two-byte letters"],
    ["“Sprint” → €", "three-byte symbols"],
    ["Board 🎨 with 👩‍💻", "emoji made of surrogate pairs"],
    ["lone \ud800 high and \udc00 low surrogates", "lone surrogates"],
  ])("counts what TextEncoder writes (%s: %s)", (text) => {
    expect(utf8Length(text)).toBe(encoded(text));
  });
});
