import { startServer, type ServerKind, type ServerUnderTest } from "../servers.js";

/**
 * Runs `measure` against a server started fresh for it (a temp data dir for ours), stopped
 * afterwards whatever happened, and named to the signal handler meanwhile. A server that died
 * under the load fails the measurement, with its last output.
 */
export async function withFreshServer<T>(
  repoRoot: string,
  onServer: (server: ServerUnderTest | undefined) => void,
  measure: (server: ServerUnderTest) => Promise<T>,
  kind: ServerKind = "ours",
): Promise<T> {
  const server = await startServer(kind, repoRoot);
  onServer(server);
  try {
    const result = await measure(server);
    const ended = server.endedEarly();
    if (ended !== undefined) throw new Error(`the server ${ended}`);
    return result;
  } finally {
    await server.stop();
    onServer(undefined);
  }
}
