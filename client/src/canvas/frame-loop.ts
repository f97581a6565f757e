/**
 * Work that happens at most once per animation frame, and only in frames someone asked for.
 * Input tasks (the pen's buffered points, the cursor's last position) run before draw tasks,
 * so what they put in the doc is on screen in the same frame rather than the next.
 */
export type FramePhase = "input" | "draw";

export interface FrameLoop {
  /** Asks for one frame; several requests before it runs are one frame. */
  request(): void;
  /** Runs `task` in every frame that runs, until the returned function is called. */
  add(phase: FramePhase, task: () => void): () => void;
  /** Drops a frame that was asked for and not yet run. */
  cancel(): void;
}

export interface FrameScheduler {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
}

export function createFrameLoop(scheduler: FrameScheduler): FrameLoop {
  const tasks: Record<FramePhase, Set<() => void>> = { input: new Set(), draw: new Set() };
  let pending: number | null = null;

  const run = () => {
    pending = null;
    for (const task of [...tasks.input]) task();
    for (const task of [...tasks.draw]) task();
  };

  return {
    request() {
      if (pending === null) pending = scheduler.requestAnimationFrame(run);
    },
    add(phase, task) {
      tasks[phase].add(task);
      return () => tasks[phase].delete(task);
    },
    cancel() {
      if (pending !== null) scheduler.cancelAnimationFrame(pending);
      pending = null;
    },
  };
}
