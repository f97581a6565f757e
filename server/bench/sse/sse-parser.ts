/**
 * An incremental text/event-stream reader, enough for what our server writes (docs/PROTOCOL.md):
 * blocks separated by a blank line, `field: value` lines, comments starting with `:`. Blocks with
 * no `data:` line (the leading `retry:`, keep-alive comments) dispatch nothing, as in a browser.
 */
import { StringDecoder } from "node:string_decoder";

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export class SseParser {
  private readonly decoder = new StringDecoder("utf8");
  private buffered = "";

  constructor(private readonly onEvent: (event: SseEvent, receivedAt: number) => void) {}

  /** `receivedAt`: when the chunk arrived, the receive time of every event it completes. */
  feed(chunk: Buffer, receivedAt: number): void {
    this.buffered += this.decoder.write(chunk);
    let end = this.buffered.indexOf("\n\n");
    while (end >= 0) {
      this.dispatch(this.buffered.slice(0, end), receivedAt);
      this.buffered = this.buffered.slice(end + 2);
      end = this.buffered.indexOf("\n\n");
    }
  }

  private dispatch(block: string, receivedAt: number): void {
    let id: string | undefined;
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(line[colon + 1] === " " ? colon + 2 : colon + 1);
      if (field === "id") id = value;
      else if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length > 0) this.onEvent({ id, event, data: data.join("\n") }, receivedAt);
  }
}
