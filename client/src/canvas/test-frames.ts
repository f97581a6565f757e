import { type FrameLoop, createFrameLoop } from "./frame-loop";

/** A frame loop whose frames run when the test says so. */
export function manualFrames(): FrameLoop & { runFrame(): void; requested(): boolean } {
  let pending: (() => void) | null = null;
  const loop = createFrameLoop({
    requestAnimationFrame(callback) {
      pending = callback;
      return 1;
    },
    cancelAnimationFrame() {
      pending = null;
    },
  });
  return {
    ...loop,
    runFrame() {
      const run = pending;
      pending = null;
      run?.();
    },
    requested: () => pending !== null,
  };
}
