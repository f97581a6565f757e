import type { ChannelStats } from "@whiteboard/shared";

/**
 * This instance's traffic per channel since it started, for `GET /api/channels`: what the
 * "How this works" panel and docs/channels.md compare the page's own counters with. Each
 * transport counts its own payloads where it writes or reads them; the room knows nothing of
 * this. Numbers only, by design: nothing here can name a board, a library or a member.
 */
export class ChannelCounters {
  readonly websocket = { open: 0, opened: 0, messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 };
  readonly sse = { open: 0, opened: 0, messagesOut: 0, bytesOut: 0 };
  readonly polling = { requests: 0, notModified: 0, bytesOut: 0 };

  editorOpened(): void {
    this.websocket.open++;
    this.websocket.opened++;
  }

  editorClosed(): void {
    this.websocket.open--;
  }

  editorReceived(bytes: number): void {
    this.websocket.messagesIn++;
    this.websocket.bytesIn += bytes;
  }

  editorSent(messages: readonly Uint8Array[]): void {
    this.websocket.messagesOut += messages.length;
    for (const message of messages) this.websocket.bytesOut += message.byteLength;
  }

  viewerOpened(): void {
    this.sse.open++;
    this.sse.opened++;
  }

  viewerClosed(): void {
    this.sse.open--;
  }

  /** One write of the feed: an event, a heartbeat comment or the `retry:` hint. */
  viewerSent(bytes: number): void {
    this.sse.messagesOut++;
    this.sse.bytesOut += bytes;
  }

  /** One `GET /api/library` answered: a 304, or a 200 with the list. */
  polled(status: number, bodyBytes: number): void {
    this.polling.requests++;
    if (status === 304) this.polling.notModified++;
    this.polling.bytesOut += bodyBytes;
  }

  snapshot(): ChannelStats {
    return { websocket: { ...this.websocket }, sse: { ...this.sse }, polling: { ...this.polling } };
  }
}
