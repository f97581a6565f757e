import type { Viewport } from "../../canvas/viewport";
import { toScreen } from "./screen-space";

export const LASER_COLOR = "#ff2d55";

/**
 * A laser trail: a glowing line that thins and fades towards its oldest end. The points are
 * the trail as its owner last sent it (their page trims it as it ages), so everyone's fades alike.
 */
export function drawLaser(ctx: CanvasRenderingContext2D, view: Viewport, flat: readonly number[], color: string = LASER_COLOR): void {
  const n = flat.length / 2;
  if (n === 0) return;
  ctx.save();
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.strokeStyle = color;
  ctx.shadowColor = color;
  ctx.shadowBlur = 8;
  for (let i = 1; i < n; i++) {
    const a = toScreen(view, { x: flat[(i - 1) * 2]!, y: flat[(i - 1) * 2 + 1]! });
    const b = toScreen(view, { x: flat[i * 2]!, y: flat[i * 2 + 1]! });
    const age = i / (n - 1);
    ctx.globalAlpha = 0.15 + 0.85 * age;
    ctx.lineWidth = 1.5 + 3.5 * age;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }
  const head = toScreen(view, { x: flat[(n - 1) * 2]!, y: flat[(n - 1) * 2 + 1]! });
  ctx.globalAlpha = 1;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(head.x, head.y, 4, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}
