/**
 * The editor whose changes the bench times: it runs in the coordinator (one socket, a change every
 * few hundred milliseconds: nothing that loads its event loop) and makes one small change at a
 * time, a finished stroke. Each is named twice so every channel can time it: its element id
 * carries the send time (what an SSE probe decodes), and its first struct id (client, clock) is
 * recorded with the send time (what a WebSocket probe's update receipts are joined with).
 */
import * as Y from "yjs";
import { now } from "../cursors/clock.js";
import { elementKey } from "../sse/element-key.js";
import { addStroke } from "../sse/stroke.js";
import { openProviderEditor, type ProviderEditor } from "./provider-editor.js";

export interface SentStroke {
  client: number;
  clock: number;
  sentAt: number;
}

export interface Drawer {
  editor: ProviderEditor;
  readonly sent: readonly SentStroke[];
  /** One stroke, sent at once. */
  draw(): SentStroke;
  /** Announces the awareness state again (a new clock), as the provider's renewal would. */
  renewAwareness(): void;
}

const DRAWER_NUMBER = 1;
const SYNC_TIMEOUT_MS = 10_000;

export async function openDrawer(wsUrl: string): Promise<Drawer> {
  const state = { user: { name: "drawer", color: "#1971c2" }, cursor: { x: 400, y: 300 } };
  const editor = openProviderEditor(wsUrl, state);
  await editor.synced(SYNC_TIMEOUT_MS);
  const sent: SentStroke[] = [];
  const { doc } = editor;
  return {
    editor,
    sent,
    draw() {
      const clock = Y.getState(doc.store, doc.clientID);
      const sentAt = now();
      const n = sent.length + 1;
      addStroke(doc, {
        key: elementKey(sentAt, DRAWER_NUMBER, n),
        createdBy: state.user.name,
        color: state.user.color,
        z: n,
        x: Math.round(Math.random() * 1600),
        y: Math.round(Math.random() * 1000),
      });
      const stroke = { client: doc.clientID, clock, sentAt };
      sent.push(stroke);
      return stroke;
    },
    renewAwareness() {
      editor.provider.awareness.setLocalState(state);
    },
  };
}
