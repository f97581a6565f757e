import type { Channel } from "@whiteboard/shared";
import type { Traffic } from "./traffic";

/** What the "How this works" panel shows of one page's channel, read from its meter. */
export type ChannelReading =
  | { channel: "websocket"; traffic: Traffic; reconnects: number }
  | { channel: "sse"; traffic: Traffic; reconnects: number; lastEventId: string | null }
  | { channel: "polling"; traffic: Traffic; polls: number; notModified: number; etag: string | null };

/**
 * A page's meter as the panel sees it. It only counts; nothing is pushed to anyone, so a page
 * whose panel is closed pays for a few integer additions per message and nothing else.
 */
export interface ChannelMeter<C extends Channel = Channel> {
  read(): Extract<ChannelReading, { channel: C }>;
}
