import type { FeedSource } from "./feed-client";

/** An `EventSource` the test drives: it opens, delivers, fails and gives up when told to. */
export class FakeEventSource implements FeedSource {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.dispatch(new Event("open"));
  }

  /** A named event with a JSON `data:` line (and an `id:` when given), as the server writes it. */
  emit(type: string, data: unknown, id = ""): void {
    this.dispatch(new MessageEvent(type, { data: typeof data === "string" ? data : JSON.stringify(data), lastEventId: id }));
  }

  /** The connection dropped; `retrying` is whether the browser will reconnect by itself. */
  fail(retrying: boolean): void {
    this.readyState = retrying ? 0 : 2;
    this.dispatch(new Event("error"));
  }

  private dispatch(event: Event): void {
    for (const listener of this.listeners.get(event.type) ?? []) listener(event);
  }
}
