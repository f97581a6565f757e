import { useEffect, useState } from "react";
import { type ColorScheme, applyStoredScheme, chooseScheme, currentScheme, watchScheme } from "./color-scheme";

const MOON = "M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z";
const SUN =
  "M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z M12 2v2 M12 20v2 M4.9 4.9l1.4 1.4 M17.7 17.7l1.4 1.4 M2 12h2 M20 12h2 M4.9 19.1l1.4-1.4 M17.7 6.3l1.4-1.4";

/**
 * Flips the page between light and dark. Follows the system until used; the board's stored
 * colours never change, only how the canvas shows them.
 */
export function ThemeToggle() {
  const [scheme, setScheme] = useState<ColorScheme>(() => {
    applyStoredScheme(window);
    return currentScheme(window);
  });

  useEffect(() => {
    setScheme(currentScheme(window));
    return watchScheme(window, setScheme);
  }, []);

  const next: ColorScheme = scheme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      className="button ghost small theme-toggle"
      data-testid="theme-toggle"
      data-scheme={scheme}
      aria-label={`Switch to ${next} mode`}
      title={`Switch to ${next} mode`}
      onClick={() => chooseScheme(window, next)}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path d={scheme === "dark" ? SUN : MOON} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
