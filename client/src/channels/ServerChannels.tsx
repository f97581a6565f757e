import type { Channel, ChannelStats } from "@whiteboard/shared";
import { formatBytes, formatCount, formatCounted } from "./number-format";
import { useServerChannelStats } from "./use-server-channel-stats";

/** The server's side to compare with: this instance's totals per channel since it started. */
export function ServerChannels({ current }: { current: Channel }) {
  const server = useServerChannelStats();
  return (
    <div className="channels-server" data-testid="server-channels">
      <h3>This server, since it started</h3>
      {server.state === "loaded" ? (
        <dl className="channels-facts">
          {(Object.keys(LINES) as Channel[]).map((channel) => (
            <div key={channel} className={channel === current ? "current" : undefined}>
              <dt>{NAMES[channel]}</dt>
              <dd data-testid={`server-${channel}`}>{LINES[channel](server.stats)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted small" data-testid="server-channels-status">
          {server.state === "loading" ? "Asking the server…" : "Not available from this server."}
        </p>
      )}
    </div>
  );
}

const NAMES: Record<Channel, string> = { websocket: "WebSocket", sse: "SSE", polling: "Polling" };

const messages = (count: number) => formatCounted(count, "message", "messages");

const LINES: Record<Channel, (stats: ChannelStats) => string> = {
  websocket: ({ websocket: ws }) =>
    `${formatCount(ws.open)} open · in ${messages(ws.messagesIn)}, ${formatBytes(ws.bytesIn)} · out ${messages(ws.messagesOut)}, ${formatBytes(ws.bytesOut)}`,
  sse: ({ sse }) => `${formatCount(sse.open)} open · out ${messages(sse.messagesOut)}, ${formatBytes(sse.bytesOut)}`,
  polling: ({ polling }) =>
    `${formatCounted(polling.requests, "poll", "polls")}, ${formatCount(polling.notModified)} answered 304 · out ${formatBytes(polling.bytesOut)}`,
};
