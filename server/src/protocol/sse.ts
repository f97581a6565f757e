import type { SseEventName } from "@whiteboard/shared";

/**
 * The text/event-stream framing, as pure functions producing the bytes every viewer receives:
 *
 *   event   := "id: " id LF "event: " name LF "data: " json LF LF
 *   comment := ": " text LF LF
 *   retry   := "retry: " ms LF LF
 *
 * `data` is one line of JSON (JSON.stringify never emits a raw newline), so no splitting is needed.
 */
export function encodeSseEvent(id: number, event: SseEventName, data: unknown): Buffer {
  return Buffer.from(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function encodeSseComment(text: string): Buffer {
  return Buffer.from(`: ${text.replace(/\n/g, " ")}\n\n`);
}

/** A lone `retry:` dispatches no event (it has no data line), so it is safe to send first. */
export function encodeSseRetry(ms: number): Buffer {
  return Buffer.from(`retry: ${ms}\n\n`);
}
