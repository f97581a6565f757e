import { describe, expect, it } from "vitest";
import { encodeSseComment, encodeSseEvent, encodeSseRetry } from "./sse.js";

describe("SSE framing", () => {
  it("writes an event as id, event and one data line, ended by a blank line", () => {
    expect(encodeSseEvent(7, "update", { update: "AQID" }).toString()).toBe(
      'id: 7\nevent: update\ndata: {"update":"AQID"}\n\n',
    );
  });

  it("keeps data on one line even when strings hold newlines", () => {
    const text = encodeSseEvent(1, "presence", { editors: [{ name: "a\nb" }], viewers: 0 }).toString();
    expect(text.split("\n").filter((line) => line.startsWith("data: "))).toHaveLength(1);
    expect(text.endsWith("\n\n")).toBe(true);
  });

  it("writes comments and retry hints that dispatch no event", () => {
    expect(encodeSseComment("keep\nalive").toString()).toBe(": keep alive\n\n");
    expect(encodeSseRetry(2000).toString()).toBe("retry: 2000\n\n");
  });
});
