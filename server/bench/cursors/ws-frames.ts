/**
 * Just enough of RFC 6455 for a client that sends small binary frames and reads without keeping
 * what it reads: masked frames out, and a scanner that walks the server's frame headers, skips
 * payloads in place and hands back only what a client must act on.
 */
export const OPCODE_CONTINUATION = 0x0;
export const OPCODE_TEXT = 0x1;
export const OPCODE_BINARY = 0x2;
export const OPCODE_CLOSE = 0x8;
export const OPCODE_PING = 0x9;
export const OPCODE_PONG = 0xa;

/** A client frame (FIN set): clients must mask (RFC 6455 5.3), servers close on unmasked ones. */
export function encodeClientFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const extended = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const frame = Buffer.allocUnsafe(2 + extended + 4 + length);
  frame[0] = 0x80 | opcode;
  if (extended === 0) {
    frame[1] = 0x80 | length;
  } else if (extended === 2) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  const maskAt = 2 + extended;
  // The mask protects proxies from cache poisoning by script-chosen bytes; a bench client talking
  // to 127.0.0.1 needs it only to be there, and a crypto call per frame would cost more than the frame.
  frame.writeUInt32BE((Math.random() * 0x1_0000_0000) >>> 0, maskAt);
  const payloadAt = maskAt + 4;
  for (let i = 0; i < length; i++) frame[payloadAt + i] = (payload[i] as number) ^ (frame[maskAt + (i & 3)] as number);
  return frame;
}

export interface FrameEvents {
  /** The first (up to) two payload bytes of each new message: enough to tell its y-websocket type. */
  messageStart(prefix: Buffer): void;
  ping(payload: Buffer): void;
  close(code: number): void;
}

const CONTROL_MAX = 125;
const NO_STATUS = 1005;

/** Feeds on raw TCP chunks; keeps no payload but control frames' (125 bytes at most) and a prefix. */
export class FrameScanner {
  private readonly header = Buffer.alloc(14);
  private headerLength = 0;
  private remaining = 0;
  private opcode = 0;
  private readonly kept: number[] = [];
  private keepLimit = 0;
  private prefixPending = false;

  constructor(private readonly events: FrameEvents) {}

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - i);
        for (let k = 0; k < take && this.kept.length < this.keepLimit; k++) this.kept.push(chunk[i + k] as number);
        i += take;
        this.remaining -= take;
        if (this.prefixPending && (this.kept.length >= 2 || this.remaining === 0)) this.emitPrefix();
        if (this.remaining === 0) this.frameDone();
        continue;
      }
      this.header[this.headerLength++] = chunk[i++] as number;
      if (this.headerLength < 2 || this.headerLength < headerSize(this.header)) continue;
      this.startFrame();
    }
  }

  private startFrame(): void {
    const h = this.header;
    this.opcode = (h[0] as number) & 0x0f;
    const length7 = (h[1] as number) & 0x7f;
    this.remaining = length7 < 126 ? length7 : length7 === 126 ? h.readUInt16BE(2) : Number(h.readBigUInt64BE(2));
    this.headerLength = 0;
    this.kept.length = 0;
    const isControl = this.opcode >= OPCODE_CLOSE;
    const startsMessage = this.opcode === OPCODE_TEXT || this.opcode === OPCODE_BINARY;
    this.keepLimit = isControl ? CONTROL_MAX : startsMessage ? 2 : 0;
    this.prefixPending = startsMessage;
    if (this.remaining === 0) {
      if (this.prefixPending) this.emitPrefix();
      this.frameDone();
    }
  }

  private emitPrefix(): void {
    this.prefixPending = false;
    this.events.messageStart(Buffer.from(this.kept));
  }

  private frameDone(): void {
    switch (this.opcode) {
      case OPCODE_PING:
        this.events.ping(Buffer.from(this.kept));
        break;
      case OPCODE_CLOSE:
        this.events.close(this.kept.length >= 2 ? ((this.kept[0] as number) << 8) | (this.kept[1] as number) : NO_STATUS);
        break;
      default:
        // Data, continuation, pong: nothing to do with them but having read them.
        break;
    }
  }
}

/** 2 bytes, then 2 or 8 of extended length, then 4 of mask (servers should not mask; skip it if so). */
function headerSize(header: Buffer): number {
  const second = header[1] as number;
  const length7 = second & 0x7f;
  return 2 + (length7 === 126 ? 2 : length7 === 127 ? 8 : 0) + (second & 0x80 ? 4 : 0);
}
