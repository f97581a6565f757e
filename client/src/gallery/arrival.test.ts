import { describe, expect, it } from "vitest";
import { arrivalNotice } from "./arrival";
import { library } from "./test-libraries";

describe("arrivalNotice", () => {
  it("names the library an invite joined", () => {
    expect(arrivalNotice({ via: "invite", library: library("Team") })).toBe("You joined “Team”. Its boards are listed below with yours.");
  });

  it("says a device link brought the other device's boards", () => {
    expect(arrivalNotice({ via: "device" })).toBe("This browser now has the same boards as your other device.");
  });
});
