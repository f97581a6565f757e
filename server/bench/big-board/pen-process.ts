/**
 * The load process of the pens: each has its own Y.Doc (so its points are valid updates that
 * depend on nothing of the board) and a socket that reads and drops what the server sends
 * (cursors/drain-socket.ts). Each writes handwriting at 60 Hz through shared's createStroke and
 * appendStrokePoints, one update per point as the editor sends one per animation frame, and
 * notes the id each update starts with (cursors/update-receipts.ts) beside its send time.
 */
import { appendStrokePoints, createStroke } from "@whiteboard/shared";
import * as Y from "yjs";
import { report, serveCommands } from "../channel.js";
import { now } from "../cursors/clock.js";
import { openDrainSocket } from "../cursors/drain-socket.js";
import { openMany, trackCloses, type LoadSocket } from "../cursors/load-socket.js";
import type { EditorIdentity } from "../cursors/messages.js";
import { syncStep1For } from "../cursors/protocol.js";
import type { Schedule } from "../sse/messages.js";
import { docOnSocket } from "../sse/sync-update.js";
import { everyInterval } from "../sse/ticker.js";
import { cursiveWord, seededRandom } from "./handwriting.js";
import type { FromPens, PensConnect } from "./pen-messages.js";

/** A pen sampled once per frame of a 60 Hz screen: the editor's one transaction per frame. */
const POINT_HZ = 60;
const CONNECT_CONCURRENCY = 5;
/** Board units at zoom 1: integer coordinates, as the editor rounds them there. */
const ZOOM = 1;
const PEN_WIDTH = 3;

interface Pen {
  identity: EditorIdentity;
  socket: LoadSocket;
  doc: Y.Doc;
  random: () => number;
  /** The stroke being drawn and the word's points still to come, in board coordinates. */
  stroke: { id: string; originX: number; originY: number; rest: number[] } | undefined;
  stop: () => void;
}

function runPens(): void {
  let pens: Pen[] = [];
  let side = 1000;
  let closeTracker: ReturnType<typeof trackCloses> | undefined;
  const sends: number[] = [];
  let strokes = 0;

  async function connect(command: PensConnect): Promise<void> {
    side = command.boardSide;
    const syncStep1 = syncStep1For(command.stateVector);
    const opened = await openMany(command.pens.length, CONNECT_CONCURRENCY, () => openDrainSocket(command.url, command.timeoutMs, syncStep1));
    pens = opened.sockets.map((socket, i) => {
      const identity = command.pens[i] as EditorIdentity;
      const doc = docOnSocket(identity.clientId, socket);
      return { identity, socket, doc, random: seededRandom(identity.clientId), stroke: undefined, stop: () => undefined };
    });
    closeTracker = trackCloses(opened.sockets);
    report<FromPens>({ type: "connected", ready: pens.length, failed: opened.failed, firstError: opened.firstError });
  }

  /** The next sample: a new word where the last one is done, else the word's next point. */
  function draw(pen: Pen): void {
    const stroke = pen.stroke;
    if (stroke === undefined || stroke.rest.length === 0) {
      const height = 18 + Math.floor(pen.random() * 14);
      const word = cursiveWord(pen.random, Math.round(height * (1.5 + pen.random() * 3)), height);
      const originX = Math.round(pen.random() * side);
      const originY = Math.round(pen.random() * side);
      const [x = 0, y = 0, pressure = 0.5] = word;
      const id = createStroke(pen.doc, {
        first: { x: originX + x, y: originY + y, pressure },
        color: pen.identity.color,
        width: PEN_WIDTH,
        createdBy: pen.identity.name,
        zoom: ZOOM,
      });
      pen.stroke = { id, originX, originY, rest: word.slice(3) };
      strokes++;
      return;
    }
    const [x = 0, y = 0, pressure = 0.5] = stroke.rest.splice(0, 3);
    appendStrokePoints(pen.doc, stroke.id, [{ x: stroke.originX + x, y: stroke.originY + y, pressure }], ZOOM);
  }

  function tick(pen: Pen, t: number, schedule: Schedule): void {
    if (!pen.socket.isOpen) return;
    const client = pen.doc.clientID;
    const clock = Y.getState(pen.doc.store, client);
    draw(pen);
    // The update (sent synchronously by the doc's update handler) starts at the clock before it.
    if (Y.getState(pen.doc.store, client) !== clock && t >= schedule.windowStart && t < schedule.windowEnd) sends.push(client, clock, t);
  }

  function start(schedule: Schedule): void {
    for (const pen of pens) {
      pen.stop = everyInterval(schedule.sendStart, schedule.windowEnd, 1000 / POINT_HZ, (t) => tick(pen, t, schedule));
    }
  }

  function finish(): void {
    closeTracker?.stop();
    for (const pen of pens) {
      pen.stop();
      pen.socket.terminate();
    }
    report<FromPens>({ type: "result", result: { role: "pens", sends: Float64Array.from(sends), strokes, closes: closeTracker?.closes ?? {} } });
  }

  serveCommands({ connect, schedule: start, finish });
}

runPens();
