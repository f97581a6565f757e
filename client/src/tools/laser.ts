import type { Point } from "../geometry/box";
import type { Tool } from "./tool";

/** Where the laser's trail goes: presence/laser-trail.ts puts it in awareness, never in the doc. */
export interface LaserSink {
  start(point: Point): void;
  add(point: Point): void;
  end(): void;
}

/** The laser pointer: press and move to leave a short trail everyone sees fade away. */
export function createLaserTool(trail: LaserSink): Tool {
  let pressed = false;
  return {
    down(pointer) {
      pressed = true;
      trail.start(pointer.point);
    },
    move(pointer) {
      if (!pressed) return;
      for (const sample of pointer.samples) trail.add(sample);
    },
    up() {
      pressed = false;
      trail.end();
    },
    cancel() {
      pressed = false;
      trail.end();
    },
  };
}
