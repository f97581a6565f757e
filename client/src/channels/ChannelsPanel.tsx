import { CHANNEL_REASONS } from "@whiteboard/shared";
import { useId } from "react";
import type { ChannelMeter, ChannelReading } from "./channel-reading";
import { formatBytes, formatCount, formatRate } from "./number-format";
import { ServerChannels } from "./ServerChannels";
import { useChannelSample } from "./use-channel-sample";

/** The open panel: this tab's channel, why it is the one, and its traffic, sampled every second. */
export function ChannelsPanel({ id, meter, className, onClose }: { id: string; meter: ChannelMeter; className: string; onClose: () => void }) {
  const headingId = useId();
  const { reading, perSecond } = useChannelSample(meter);
  const { traffic } = reading;

  return (
    <section id={id} className={`popover-panel channels-panel ${className}`} aria-labelledby={headingId} data-testid="channels-panel" data-channel={reading.channel}>
      <div className="channels-head">
        <h2 id={headingId}>How this works</h2>
        <button type="button" className="button ghost small" data-testid="channels-close" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="channels-reason" data-testid="channel-reason">
        {CHANNEL_REASONS[reading.channel]}
      </p>

      <table className="channels-table">
        <caption>This tab, counted as it happens</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">In</th>
            <th scope="col">Out</th>
          </tr>
        </thead>
        <tbody>
          <Row label="Messages/s" testId="channel-message-rate" values={[perSecond.messagesIn, perSecond.messagesOut]} format={formatRate} />
          <Row label="Messages" testId="channel-messages" values={[traffic.messagesIn, traffic.messagesOut]} format={formatCount} />
          <Row label="Bytes/s" testId="channel-byte-rate" values={[perSecond.bytesIn, perSecond.bytesOut]} format={formatBytes} />
          <Row label="Bytes" testId="channel-bytes" values={[traffic.bytesIn, traffic.bytesOut]} format={formatBytes} />
        </tbody>
      </table>
      <ChannelFacts reading={reading} />
      <p className="muted small channels-note">
        Bytes are payloads (messages, event text, response bodies), not headers or framing.
      </p>

      <ServerChannels current={reading.channel} />
    </section>
  );
}

/** One row of the in/out table; each cell keeps its raw figure in `data-value` for tests to read. */
function Row({ label, testId, values, format }: { label: string; testId: string; values: [number, number]; format: (value: number) => string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={`${testId}-in`} data-value={values[0]}>
        {format(values[0])}
      </td>
      <td data-testid={`${testId}-out`} data-value={values[1]}>
        {format(values[1])}
      </td>
    </tr>
  );
}

/** What only this kind of channel has: reconnects, the feed's last event id, the list's ETag and 304s. */
function ChannelFacts({ reading }: { reading: ChannelReading }) {
  switch (reading.channel) {
    case "websocket":
      return (
        <dl className="channels-facts">
          <Fact label="Reconnects" testId="channel-reconnects" value={formatCount(reading.reconnects)} />
        </dl>
      );
    case "sse":
      return (
        <dl className="channels-facts">
          <Fact label="Reconnects" testId="channel-reconnects" value={formatCount(reading.reconnects)} />
          <Fact label="Last event id" testId="channel-last-event-id" value={reading.lastEventId ?? "none yet"} />
        </dl>
      );
    case "polling":
      return (
        <dl className="channels-facts">
          <Fact label="Polls" testId="channel-polls" value={formatCount(reading.polls)} />
          <Fact label="Answered 304" testId="channel-not-modified" value={formatCount(reading.notModified)} />
          <Fact label="ETag" testId="channel-etag" value={reading.etag ?? "none yet"} />
        </dl>
      );
    default: {
      const unhandled: never = reading;
      return unhandled;
    }
  }
}

function Fact({ label, testId, value }: { label: string; testId: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
