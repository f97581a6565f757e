import { describe, expect, it } from "vitest";
import { presentUsers } from "./presence-users";
import { NEUTRAL_COLOR } from "./safe-color";

describe("presentUsers", () => {
  it("lists ourselves first, then the others by name, with their cursors", () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: "Zed", color: "#e5484d" }, cursor: { x: 1, y: 2 } }],
      [1, { user: { name: "Me", color: "#30a46c" }, cursor: null }],
      [2, { user: { name: "Amy", color: "#0090ff" }, cursor: null }],
    ]);
    expect(presentUsers(states, 1)).toEqual([
      { clientId: 1, name: "Me", color: "#30a46c", cursor: null, self: true },
      { clientId: 2, name: "Amy", color: "#0090ff", cursor: null, self: false },
      { clientId: 3, name: "Zed", color: "#e5484d", cursor: { x: 1, y: 2 }, self: false },
    ]);
  });

  it("skips states with no name, and tolerates odd cursors and colours", () => {
    const states = new Map<number, unknown>([
      [1, {}],
      [2, { user: "nobody" }],
      [3, null],
      [4, { user: { name: "Eve", color: "url(https://tracker.example/x)" }, cursor: { x: "1", y: 2 } }],
    ]);
    expect(presentUsers(states, 99)).toEqual([{ clientId: 4, name: "Eve", color: NEUTRAL_COLOR, cursor: null, self: false }]);
  });

  it("shortens a very long name", () => {
    const states = new Map<number, unknown>([[1, { user: { name: "x".repeat(500), color: "red" } }]]);
    expect(presentUsers(states, 0)[0]!.name.length).toBeLessThanOrEqual(32);
  });
});
