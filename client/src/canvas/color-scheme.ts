/**
 * Light or dark: the system's choice unless the person picked one with the toggle. The choice
 * lives where every part of the page can see it without a shared object: a `data-theme`
 * attribute on the root element (which the CSS keys on) and a key in localStorage (so it
 * survives a reload and reaches the other tabs). No attribute means "follow the system".
 */
export type ColorScheme = "light" | "dark";

export const THEME_ATTRIBUTE = "data-theme";
export const THEME_STORAGE_KEY = "whiteboard.colorScheme";
const DARK_QUERY = "(prefers-color-scheme: dark)";

export interface SchemeWindow {
  document: { documentElement: HTMLElement };
  matchMedia(query: string): MediaQueryList;
  localStorage?: Storage;
  addEventListener(type: "storage", listener: (event: StorageEvent) => void): void;
  removeEventListener(type: "storage", listener: (event: StorageEvent) => void): void;
}

/** The person's explicit choice, or null to follow the system. */
export function storedScheme(win: SchemeWindow): ColorScheme | null {
  const value = safeStorage(win)?.getItem(THEME_STORAGE_KEY);
  return value === "light" || value === "dark" ? value : null;
}

export function systemScheme(win: SchemeWindow): ColorScheme {
  return win.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/** What the page shows now. */
export function currentScheme(win: SchemeWindow): ColorScheme {
  const attribute = win.document.documentElement.getAttribute(THEME_ATTRIBUTE);
  return attribute === "light" || attribute === "dark" ? attribute : systemScheme(win);
}

/** Puts the stored choice on the root element (call once per page, before anything reads it). */
export function applyStoredScheme(win: SchemeWindow): void {
  const stored = storedScheme(win);
  const root = win.document.documentElement;
  if (stored === null) root.removeAttribute(THEME_ATTRIBUTE);
  else root.setAttribute(THEME_ATTRIBUTE, stored);
}

/**
 * Shows `scheme` from now on. Picking what the system already shows stores "follow the system",
 * so someone who flips to dark and back is not stuck in light mode when their system turns dark.
 */
export function chooseScheme(win: SchemeWindow, scheme: ColorScheme): void {
  const storage = safeStorage(win);
  try {
    if (scheme === systemScheme(win)) storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, scheme);
  } catch {
    // Storage full or refused: the choice still holds for this page.
  }
  const root = win.document.documentElement;
  if (scheme === systemScheme(win)) root.removeAttribute(THEME_ATTRIBUTE);
  else root.setAttribute(THEME_ATTRIBUTE, scheme);
}

/**
 * Calls `onChange` with the scheme whenever what the page shows may have changed: the system
 * switched, the toggle was used here, or in another tab. Returns the stop function.
 */
export function watchScheme(win: SchemeWindow, onChange: (scheme: ColorScheme) => void): () => void {
  let last = currentScheme(win);
  const check = () => {
    const now = currentScheme(win);
    if (now === last) return;
    last = now;
    onChange(now);
  };
  const media = win.matchMedia(DARK_QUERY);
  media.addEventListener("change", check);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    applyStoredScheme(win);
    check();
  };
  win.addEventListener("storage", onStorage);
  const observer = new MutationObserver(check);
  observer.observe(win.document.documentElement, { attributes: true, attributeFilter: [THEME_ATTRIBUTE] });
  return () => {
    media.removeEventListener("change", check);
    win.removeEventListener("storage", onStorage);
    observer.disconnect();
  };
}

/** `localStorage`, or null where merely touching it throws (storage disabled, some private modes). */
function safeStorage(win: SchemeWindow): Storage | null {
  try {
    return win.localStorage ?? null;
  } catch {
    return null;
  }
}
