/**
 * A load process of editors: each socket moves its own cursor at a fixed rate and reads (and
 * drops) everything the server sends, so the server is never held up by backpressure from us.
 */
import type { ConnectCommand, EditorIdentity, EditorResult, FromLoad, ScheduleCommand } from "./messages.js";
import { now } from "./clock.js";
import { report, serveCommands } from "../channel.js";
import { encodeAwareness, syncStep1For } from "./protocol.js";
import { openDrainSocket } from "./drain-socket.js";
import { openMany, totalBytesRead, trackCloses, type LoadSocket } from "./load-socket.js";

interface Editor {
  identity: EditorIdentity;
  socket: LoadSocket;
  clock: number;
  firstInWindow: number;
  lastInWindow: number;
  timer: NodeJS.Timeout | undefined;
}

/** A cursor tracing a slow circle: plausible coordinates, a different state every time. */
function positionOf(editor: Editor): { x: number; y: number } {
  const angle = editor.clock / 30 + (editor.identity.clientId % 628) / 100;
  return { x: Math.round(800 + 400 * Math.cos(angle)), y: Math.round(500 + 300 * Math.sin(angle)) };
}

function runEditors(): void {
  let editors: Editor[] = [];
  let closeTracker: ReturnType<typeof trackCloses> | undefined;
  let sentInWindow = 0;
  let bytesAtStart = 0;
  let bytesAtEnd: number | undefined;

  async function connect(command: ConnectCommand): Promise<void> {
    const syncStep1 = syncStep1For(command.stateVector);
    const opened = await openMany(command.clients.length, command.concurrency, () => openDrainSocket(command.url, command.timeoutMs, syncStep1));
    // Identities are handed out in the order sockets became ready; any order will do.
    editors = opened.sockets.map((socket, i) => ({
      identity: command.clients[i] as EditorIdentity,
      socket,
      clock: 0,
      firstInWindow: 0,
      lastInWindow: 0,
      timer: undefined,
    }));
    closeTracker = trackCloses(opened.sockets);
    report<FromLoad>({
      type: "connected",
      ready: opened.sockets.length,
      failed: opened.failed,
      firstError: opened.firstError,
    });
  }

  function send(editor: Editor, t: number, schedule: ScheduleCommand): void {
    if (!editor.socket.isOpen) return;
    editor.clock++;
    const state = { user: { name: editor.identity.name, color: editor.identity.color }, cursor: positionOf(editor), t };
    editor.socket.send(encodeAwareness(editor.identity.clientId, editor.clock, state));
    if (t >= schedule.windowStart) {
      if (editor.firstInWindow === 0) editor.firstInWindow = editor.clock;
      editor.lastInWindow = editor.clock;
      sentInWindow++;
    }
  }

  function start(schedule: ScheduleCommand): void {
    const { intervalMs, windowEnd } = schedule;
    for (const editor of editors) {
      // A random phase, as people do not move in lockstep. Slots are absolute, so a late timer
      // skips the slots it missed instead of drifting or bunching sends up.
      // The next slot follows the slot just used, not the clock: Node may fire a timer up to a
      // millisecond early, and "the next slot after now" would then be this one again.
      let slot = schedule.sendStart + Math.random() * intervalMs;
      const tick = (): void => {
        const t = now();
        if (t >= windowEnd) return;
        send(editor, t, schedule);
        slot += intervalMs;
        const after = now();
        if (slot < after) slot += Math.ceil((after - slot) / intervalMs) * intervalMs;
        editor.timer = setTimeout(tick, slot - after);
      };
      editor.timer = setTimeout(tick, slot - now());
    }
    const sockets = editors.map((e) => e.socket);
    setTimeout(() => (bytesAtStart = totalBytesRead(sockets)), schedule.windowStart - now());
    setTimeout(() => (bytesAtEnd = totalBytesRead(sockets)), windowEnd - now());
  }

  function finish(): void {
    closeTracker?.stop();
    const sockets = editors.map((e) => e.socket);
    const result: EditorResult = {
      role: "editors",
      ranges: editors
        .filter((e) => e.firstInWindow > 0)
        .map((e): [number, number, number] => [e.identity.clientId, e.firstInWindow, e.lastInWindow]),
      sentInWindow,
      bytesInWindow: (bytesAtEnd ?? totalBytesRead(sockets)) - bytesAtStart,
      closes: closeTracker?.closes ?? {},
    };
    for (const editor of editors) {
      clearTimeout(editor.timer);
      editor.socket.terminate();
    }
    report<FromLoad>({ type: "result", result });
  }

  serveCommands({ connect, schedule: start, finish });
}

runEditors();
