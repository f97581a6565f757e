/** Who this browser is on every board: a name the user can change and a colour picked for them. */
export interface Identity {
  name: string;
  color: string;
}

/** Cursor labels and the presence list have room for this much. */
export const NAME_MAX_LENGTH = 32;

/** Distinct at a glance on white paper, and readable with white text on top. */
export const PRESENCE_COLORS = [
  "#e5484d",
  "#f76b15",
  "#d6a300",
  "#30a46c",
  "#12a594",
  "#0090ff",
  "#5b5bd6",
  "#8e4ec6",
  "#d6409f",
  "#7d6b5d",
] as const;

const ADJECTIVES = ["Amber", "Brisk", "Calm", "Dapper", "Eager", "Fuzzy", "Gentle", "Jolly", "Lucky", "Merry", "Nimble", "Quiet"];
const ANIMALS = ["Otter", "Heron", "Panda", "Lynx", "Koala", "Falcon", "Badger", "Gecko", "Walrus", "Marten", "Ibis", "Yak"];

const NAME_KEY = "whiteboard.name";
const COLOR_KEY = "whiteboard.color";

/** `localStorage`, or nothing where it is unavailable (some private modes throw on access). */
export type NameStorage = Pick<Storage, "getItem" | "setItem">;

export function loadIdentity(storage: NameStorage | null, random: () => number = Math.random): Identity {
  const storedName = cleanName(read(storage, NAME_KEY) ?? "");
  const storedColor = read(storage, COLOR_KEY);
  const identity: Identity = {
    name: storedName || `${pick(ADJECTIVES, random)} ${pick(ANIMALS, random)}`,
    color: storedColor && (PRESENCE_COLORS as readonly string[]).includes(storedColor) ? storedColor : pick(PRESENCE_COLORS, random),
  };
  // Remembered at once, so the same person keeps the same name and colour in every tab.
  write(storage, NAME_KEY, identity.name);
  write(storage, COLOR_KEY, identity.color);
  return identity;
}

export function saveName(storage: NameStorage | null, name: string): void {
  const clean = cleanName(name);
  if (clean) write(storage, NAME_KEY, clean);
}

/** Trimmed, single spaces, at most `NAME_MAX_LENGTH`; empty means "keep the old one". */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, " ").trim().slice(0, NAME_MAX_LENGTH);
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length) % items.length]!;
}

function read(storage: NameStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: NameStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or forbidden storage: the identity just lasts for this page.
  }
}
