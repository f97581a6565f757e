import { describe, expect, it } from "vitest";
import { PRESENCE_COLORS, cleanName, loadIdentity, saveName } from "./identity";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe("identity", () => {
  it("makes up a name and picks a colour the first time, and remembers both", () => {
    const storage = memoryStorage();
    const first = loadIdentity(storage);
    expect(first.name).toMatch(/^\w+ \w+$/);
    expect(PRESENCE_COLORS).toContain(first.color);
    expect(loadIdentity(storage)).toEqual(first);
  });

  it("keeps a name the user chose", () => {
    const storage = memoryStorage();
    loadIdentity(storage);
    saveName(storage, "  Grace   Hopper ");
    expect(loadIdentity(storage).name).toBe("Grace Hopper");
  });

  it("ignores a blank name rather than saving it", () => {
    const storage = memoryStorage({ "whiteboard.name": "Ada" });
    saveName(storage, "   ");
    expect(loadIdentity(storage).name).toBe("Ada");
  });

  it("works without storage, and when storage throws", () => {
    expect(loadIdentity(null).name).not.toBe("");
    const throwing = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(loadIdentity(throwing).name).not.toBe("");
  });

  it("cuts a name to the length the labels have room for", () => {
    expect(cleanName("a".repeat(100))).toHaveLength(32);
  });
});
