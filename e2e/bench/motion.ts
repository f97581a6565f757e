/**
 * Pans and zooms the board the way a person does, with wheel events on the canvas (the editor's
 * own wheel handling moves the viewport): one event per animation frame, for a fixed script of
 * phases. Records every animation frame's timestamp. Runs in the page.
 */
export interface MotionResult {
  /** `requestAnimationFrame` timestamps, one per frame, while the script ran. */
  frameTimes: number[];
  /**
   * Main-thread time of each frame: from its animation-frame callbacks to the first task after
   * it, which runs once the frame's drawing, style, layout and paint are done.
   */
  frameWork: number[];
  startedAt: number;
  endedAt: number;
}

export async function moveInPage(testId: string): Promise<MotionResult> {
  const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"]`)!;
  const rect = canvas.getBoundingClientRect();
  const centre = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
  // Frames per phase at 60 Hz, and each frame's wheel deltas. A wheel's ctrl+deltaY of d zooms
  // by exp(-0.002 d) (client/src/tools/wheel.ts): 12.8 per frame for 90 frames is 100% to 10%.
  const phases: { frames: number; dx: number; dy: number; zoom: boolean }[] = [
    { frames: 90, dx: 14, dy: 6, zoom: false },
    { frames: 90, dx: 0, dy: 12.8, zoom: true },
    { frames: 60, dx: 20, dy: -10, zoom: false },
    { frames: 60, dx: 0, dy: -10, zoom: true },
    { frames: 30, dx: -8, dy: 12, zoom: false },
    { frames: 30, dx: 0, dy: -12.15, zoom: true },
    { frames: 60, dx: -16, dy: -6, zoom: false },
  ];
  const steps = phases.flatMap((phase) => Array.from({ length: phase.frames }, () => phase));
  const frameTimes: number[] = [];
  const frameWork: number[] = [];
  const after = new MessageChannel();
  let tickStart = 0;
  after.port1.onmessage = () => frameWork.push(performance.now() - tickStart);
  const startedAt = performance.now();
  await new Promise<void>((resolve) => {
    let i = 0;
    const tick = (time: number) => {
      frameTimes.push(time);
      tickStart = performance.now();
      after.port2.postMessage(null);
      const step = steps[i++];
      if (!step) return resolve();
      // Asked for before the wheel event, so next frame this runs before the canvas draws and
      // the frame's work is timed from its start.
      requestAnimationFrame(tick);
      canvas.dispatchEvent(
        new WheelEvent("wheel", {
          ...centre,
          deltaX: step.zoom ? 0 : step.dx,
          deltaY: step.dy,
          ctrlKey: step.zoom,
          deltaMode: 0,
          bubbles: true,
          cancelable: true,
        }),
      );
    };
    requestAnimationFrame(tick);
  });
  after.port1.close();
  return { frameTimes, frameWork, startedAt, endedAt: performance.now() };
}
