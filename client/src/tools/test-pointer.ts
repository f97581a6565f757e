import type { ToolPointer } from "./tool";

/** A pointer event at a board point, as a tool sees it, for tests (zoom 1: screen = board). */
export function at(x: number, y: number, modifiers: { shift?: boolean; alt?: boolean; pressure?: number } = {}): ToolPointer {
  const pressure = modifiers.pressure ?? 0.5;
  return {
    point: { x, y },
    screen: { x, y },
    pressure,
    shift: modifiers.shift ?? false,
    alt: modifiers.alt ?? false,
    samples: [{ x, y, pressure }],
  };
}

/** Presses at `from`, moves in `steps` even steps to `to`, running a frame after each move, and releases. */
export function drag(
  tool: { down(p: ToolPointer): void; move(p: ToolPointer): void; up(p: ToolPointer): void },
  from: [number, number],
  to: [number, number],
  options: { steps?: number; shift?: boolean; alt?: boolean; runFrame?: () => void } = {},
): void {
  const steps = options.steps ?? 5;
  const modifiers = { shift: options.shift, alt: options.alt };
  tool.down(at(from[0], from[1], modifiers));
  for (let i = 1; i <= steps; i++) {
    tool.move(at(from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps, modifiers));
    options.runFrame?.();
  }
  tool.up(at(to[0], to[1], modifiers));
}
