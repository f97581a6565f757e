import { describe, expect, it } from "vitest";
import { createPollMeter } from "./poll-meter";

describe("the polling meter", () => {
  it("counts polls, 304s and the bytes of the bodies, and keeps the list's ETag over a 304", () => {
    const meter = createPollMeter();
    meter.requested();
    meter.answered(200, 1234, '"v1"');
    meter.requested();
    meter.answered(304, 0, null);
    meter.requested();

    expect(meter.read()).toEqual({
      channel: "polling",
      traffic: { messagesIn: 2, messagesOut: 3, bytesIn: 1234, bytesOut: 0 },
      polls: 3,
      notModified: 1,
      etag: '"v1"',
    });
  });
});
