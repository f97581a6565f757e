/** The coordinator's side of the pen process, as a companion of the cursor run (cursors/run.ts). */
import { fileURLToPath } from "node:url";
import type { EditorIdentity } from "../cursors/messages.js";
import type { CompanionLoad } from "../cursors/run.js";
import { LoadProcess } from "../load-process.js";
import type { FromPens, PensConnected, PensResult, ToPens } from "./pen-messages.js";

const CONNECT_TIMEOUT_MS = 15_000;
const REPORT_TIMEOUT_MS = 15_000;

export class PenLoad implements CompanionLoad {
  private readonly process = new LoadProcess<ToPens, FromPens>("pen process", fileURLToPath(new URL("./pen-process.ts", import.meta.url)));
  connected: PensConnected | undefined;
  result: PensResult | undefined;

  constructor(
    private readonly pens: EditorIdentity[],
    private readonly boardSide: number,
  ) {}

  get pids(): ReadonlyArray<number | undefined> {
    return [this.process.pid];
  }

  async connect(url: string, stateVector: Uint8Array | undefined): Promise<void> {
    this.process.send({
      type: "connect",
      url,
      pens: this.pens,
      boardSide: this.boardSide,
      timeoutMs: CONNECT_TIMEOUT_MS,
      ...(stateVector === undefined ? {} : { stateVector }),
    });
    this.connected = await this.process.next("connected", CONNECT_TIMEOUT_MS * 2);
    if (this.connected.ready === 0) throw new Error(`no pen could connect: ${this.connected.firstError ?? "unknown"}`);
  }

  schedule(times: { sendStart: number; windowStart: number; windowEnd: number }): void {
    this.process.send({ type: "schedule", ...times });
  }

  async finish(): Promise<void> {
    this.process.send({ type: "finish" });
    this.result = (await this.process.next("result", REPORT_TIMEOUT_MS)).result;
  }

  kill(): void {
    this.process.kill();
  }
}
