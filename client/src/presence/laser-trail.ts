import type { Awareness } from "y-protocols/awareness";
import type { FrameLoop } from "../canvas/frame-loop";
import type { Point } from "../geometry/box";
import type { LaserSink } from "../tools/laser";
import { MAX_LASER_POINTS } from "./peer-state";

/** How long a point of the trail lives: long enough to follow a gesture, short enough not to clutter. */
export const LASER_TRAIL_MS = 800;

export interface LaserTrail extends LaserSink {
  /** Flat [x, y, ...] board points, oldest first, as others see them. */
  points(): readonly number[];
  stop(): void;
}

/**
 * The laser pointer's trail, in awareness only (`laser: {points}`): it is gone as soon as it
 * fades, and never touches the board. The trail is trimmed and sent once per animation frame
 * while it has points, so everyone's copy fades as the sender's does; then `null`, once.
 */
export function createLaserTrail(awareness: Awareness, frames: FrameLoop, now: () => number = () => performance.now()): LaserTrail {
  let trail: { x: number; y: number; t: number }[] = [];
  let published = false;
  let flat: number[] = [];

  const add = (p: Point) => {
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    const last = trail.at(-1);
    if (last && last.x === x && last.y === y) {
      last.t = now();
    } else {
      trail.push({ x, y, t: now() });
      if (trail.length > MAX_LASER_POINTS) trail = trail.slice(-MAX_LASER_POINTS);
    }
    frames.request();
  };

  const tick = () => {
    const cutoff = now() - LASER_TRAIL_MS;
    trail = trail.filter((point) => point.t >= cutoff);
    const next = trail.flatMap((point) => [point.x, point.y]);
    const changed = next.length !== flat.length || next.some((n, i) => n !== flat[i]);
    flat = next;
    if (trail.length > 0) {
      if (changed || !published) awareness.setLocalStateField("laser", { points: flat });
      published = true;
      // Keep ticking while there is something left to fade.
      frames.request();
    } else if (published) {
      awareness.setLocalStateField("laser", null);
      published = false;
    }
  };
  const removeTask = frames.add("input", tick);

  return {
    start: add,
    add,
    end() {
      frames.request();
    },
    points: () => flat,
    stop() {
      removeTask();
      if (published) awareness.setLocalStateField("laser", null);
    },
  };
}
