import { describe, expect, it } from "vitest";
import { LookupLimiter, clientUnit } from "./lookup-limiter.js";

describe("failed-lookup limiter", () => {
  it("counts an IPv6 client by its /64, an IPv4 one by its address", () => {
    expect(clientUnit("203.0.113.7")).toBe("203.0.113.7");
    expect(clientUnit("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientUnit("2001:db8:85a3:0042:1000:8a2e:0370:7334")).toBe("2001:db8:85a3:42::/64");
    expect(clientUnit("2001:db8:85a3:42::1")).toBe("2001:db8:85a3:42::/64");
    expect(clientUnit("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientUnit("::1")).toBe("0:0:0:0::/64");
  });

  it("refuses a client past its budget until the window turns, other clients unaffected", () => {
    let now = 0;
    const limiter = new LookupLimiter({ maxFailures: 2, windowMs: 1000 }, () => now);
    limiter.failed("2001:db8:1:2::a");
    limiter.failed("2001:db8:1:2::b");
    expect(limiter.retryAfterMs("2001:db8:1:2::c")).toBe(1000);
    expect(limiter.retryAfterMs("2001:db8:1:3::a")).toBe(0);
    now = 400;
    expect(limiter.retryAfterMs("2001:db8:1:2::a")).toBe(600);
    now = 1000;
    expect(limiter.retryAfterMs("2001:db8:1:2::a")).toBe(0);
  });
});
