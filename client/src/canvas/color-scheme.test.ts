import { describe, expect, it } from "vitest";
import { THEME_ATTRIBUTE, THEME_STORAGE_KEY, type SchemeWindow, applyStoredScheme, chooseScheme, currentScheme, storedScheme } from "./color-scheme";

/** Just enough of a window: a root element's attributes, localStorage and the system's scheme. */
function fakeWindow(systemDark: boolean, stored: Record<string, string> = {}) {
  const attributes = new Map<string, string>();
  const storage = {
    getItem: (key: string) => stored[key] ?? null,
    setItem: (key: string, value: string) => void (stored[key] = value),
    removeItem: (key: string) => void delete stored[key],
  };
  const win = {
    document: {
      documentElement: {
        getAttribute: (name: string) => attributes.get(name) ?? null,
        setAttribute: (name: string, value: string) => void attributes.set(name, value),
        removeAttribute: (name: string) => void attributes.delete(name),
      },
    },
    matchMedia: () => ({ matches: systemDark }),
    localStorage: storage,
    addEventListener: () => {},
    removeEventListener: () => {},
  } as unknown as SchemeWindow;
  return { win, attributes, stored };
}

describe("colour scheme", () => {
  it("follows the system until someone chooses", () => {
    expect(currentScheme(fakeWindow(true).win)).toBe("dark");
    expect(currentScheme(fakeWindow(false).win)).toBe("light");
  });

  it("keeps a choice against the system, on the page and across reloads", () => {
    const { win, attributes, stored } = fakeWindow(false);
    chooseScheme(win, "dark");
    expect(currentScheme(win)).toBe("dark");
    expect(attributes.get(THEME_ATTRIBUTE)).toBe("dark");
    expect(stored[THEME_STORAGE_KEY]).toBe("dark");

    const reloaded = fakeWindow(false, stored);
    applyStoredScheme(reloaded.win);
    expect(currentScheme(reloaded.win)).toBe("dark");
  });

  it("goes back to following the system when the choice is what the system shows anyway", () => {
    const { win, attributes, stored } = fakeWindow(false);
    chooseScheme(win, "dark");
    chooseScheme(win, "light");
    expect(attributes.has(THEME_ATTRIBUTE)).toBe(false);
    expect(storedScheme(win)).toBeNull();
    expect(stored).toEqual({});
  });

  it("ignores a stored value it does not know", () => {
    const { win } = fakeWindow(true, { [THEME_STORAGE_KEY]: "sepia" });
    applyStoredScheme(win);
    expect(currentScheme(win)).toBe("dark");
  });
});
