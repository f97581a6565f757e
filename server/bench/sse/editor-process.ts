/**
 * The load process of the editors: each has its own Y.Doc (so its strokes are valid updates) and
 * a socket that reads and drops everything the server sends (cursors/drain-socket.ts). Each moves
 * its cursor at 30 Hz and finishes a stroke a few times a second, stamping the send time into
 * the cursor (cursor-time.ts) and into the stroke's element id (element-key.ts).
 */
import * as Y from "yjs";
import type { EditorsConnect, FromLoad, Schedule } from "./messages.js";
import { openDrainSocket } from "../cursors/drain-socket.js";
import { openMany, trackCloses, type LoadSocket } from "../cursors/load-socket.js";
import type { EditorIdentity } from "../cursors/messages.js";
import { encodeAwareness } from "../cursors/protocol.js";
import { report, serveCommands } from "../channel.js";
import { cursorCarrying } from "./cursor-time.js";
import { elementKey } from "./element-key.js";
import { CURSOR_HZ, STROKES_PER_SECOND } from "./load-shape.js";
import { addStroke } from "./stroke.js";
import { everyInterval } from "./ticker.js";
import { docOnSocket } from "./sync-update.js";

const CURSOR_INTERVAL_MS = 1000 / CURSOR_HZ;
const STROKE_INTERVAL_MS = 1000 / STROKES_PER_SECOND;
/** Editors connect a few at a time; there are only 20. */
const CONNECT_CONCURRENCY = 4;

interface Editor {
  number: number;
  identity: EditorIdentity;
  socket: LoadSocket;
  doc: Y.Doc;
  clock: number;
  strokes: number;
  stops: Array<() => void>;
}

function runEditors(): void {
  let editors: Editor[] = [];
  let closeTracker: ReturnType<typeof trackCloses> | undefined;
  let strokesInWindow = 0;
  let cursorsInWindow = 0;

  async function connect(command: EditorsConnect): Promise<void> {
    const opened = await openMany(command.editors.length, CONNECT_CONCURRENCY, () => openDrainSocket(command.wsUrl, command.timeoutMs));
    editors = opened.sockets.map((socket, i) => {
      const identity = command.editors[i] as EditorIdentity;
      return { number: i + 1, identity, socket, doc: docOnSocket(identity.clientId, socket), clock: 0, strokes: 0, stops: [] };
    });
    closeTracker = trackCloses(opened.sockets);
    const errors: Record<string, number> = {};
    if (opened.firstError !== undefined) errors[opened.firstError] = opened.failed;
    report<FromLoad>({ type: "connected", ready: editors.length, probes: 0, failed: opened.failed, errors });
  }

  function moveCursor(editor: Editor, t: number, windowStart: number): void {
    if (!editor.socket.isOpen) return;
    editor.clock++;
    const y = Math.round(500 + 300 * Math.sin(editor.clock / 30 + editor.number));
    const state = { user: { name: editor.identity.name, color: editor.identity.color }, cursor: cursorCarrying(t, y), t };
    editor.socket.send(encodeAwareness(editor.identity.clientId, editor.clock, state));
    if (t >= windowStart) cursorsInWindow++;
  }

  function draw(editor: Editor, t: number, windowStart: number): void {
    if (!editor.socket.isOpen) return;
    editor.strokes++;
    addStroke(editor.doc, {
      key: elementKey(t, editor.number, editor.strokes),
      createdBy: editor.identity.name,
      color: editor.identity.color,
      z: editor.strokes * 100 + editor.number,
      x: Math.round(Math.random() * 1600),
      y: Math.round(Math.random() * 1000),
    });
    if (t >= windowStart) strokesInWindow++;
  }

  function start(schedule: Schedule): void {
    const { sendStart, windowStart, windowEnd } = schedule;
    for (const editor of editors) {
      editor.stops.push(everyInterval(sendStart, windowEnd, CURSOR_INTERVAL_MS, (t) => moveCursor(editor, t, windowStart)));
      editor.stops.push(everyInterval(sendStart, windowEnd, STROKE_INTERVAL_MS, (t) => draw(editor, t, windowStart)));
    }
  }

  function finish(): void {
    closeTracker?.stop();
    for (const editor of editors) {
      for (const stop of editor.stops) stop();
      editor.socket.terminate();
    }
    report<FromLoad>({ type: "result", result: { role: "editors", strokesInWindow, cursorsInWindow, closes: closeTracker?.closes ?? {} } });
  }

  serveCommands({ connect, schedule: start, finish });
}

runEditors();
