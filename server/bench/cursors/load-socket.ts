/** What the load processes need of a client socket, whichever client implements it. */
export interface LoadSocket {
  readonly isOpen: boolean;
  send(data: Uint8Array): void;
  /** Bytes received from the server on this TCP connection so far, framing included. */
  bytesRead(): number;
  /** Ends the connection at once, without a close handshake: the run is over. */
  terminate(): void;
  /** The close code the server sent, or 1006 when the connection ended without one. */
  onClose(listener: (code: number) => void): void;
}

export interface OpenResult<S> {
  sockets: S[];
  failed: number;
  firstError: string | undefined;
}

/**
 * Opens `count` sockets, at most `concurrency` handshakes at a time, so the ramp measures neither
 * a SYN flood nor the accept backlog. Failures are counted, not thrown: the caller decides.
 */
export async function openMany<S>(count: number, concurrency: number, open: (index: number) => Promise<S>): Promise<OpenResult<S>> {
  const sockets: S[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  async function lane(): Promise<void> {
    while (next < count) {
      const index = next++;
      try {
        sockets.push(await open(index));
      } catch (err) {
        failed++;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { sockets, failed, firstError };
}

export function totalBytesRead(sockets: readonly LoadSocket[]): number {
  let total = 0;
  for (const s of sockets) total += s.bytesRead();
  return total;
}

/** Counts closes that happen before we end the run ourselves: the server dropped the client. */
export function trackCloses(sockets: readonly LoadSocket[]): { closes: Record<string, number>; stop(): void } {
  const closes: Record<string, number> = {};
  let stopped = false;
  for (const s of sockets) {
    s.onClose((code) => {
      if (!stopped) closes[code] = (closes[code] ?? 0) + 1;
    });
  }
  return {
    closes,
    stop: () => {
      stopped = true;
    },
  };
}
