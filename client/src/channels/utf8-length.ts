/**
 * How many bytes `text` takes in UTF-8, counted from its UTF-16 code units without encoding it:
 * the meters call this on every SSE event, and a snapshot's data can be megabytes, which
 * `TextEncoder` would copy only to be measured. A lone surrogate counts 3, as the encoder
 * writes U+FFFD for it.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit < 0xe000;
}
