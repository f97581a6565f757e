/** What the viewer process needs of a held event stream, whether a probe or a bulk viewer. */
export interface ViewerConnection {
  /** Bytes received on the TCP connection so far, HTTP headers and chunk framing included. */
  bytesRead(): number;
  /** Called once if the connection ends before `destroy`: the server (or the network) ended it. */
  onEnd(listener: () => void): void;
  destroy(): void;
}

export interface StreamTarget {
  host: string;
  port: number;
  path: string;
  localAddress: string;
}

/** An error as a short kind, so a thousand failures of one cause read as one line. */
export function errorKind(err: unknown): string {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.message : String(err);
}
