import type { Server } from "node:http";
import type { Socket } from "node:net";

/**
 * Every connection the server has open, to cut at the end of a graceful shutdown. `http.Server`
 * has `closeAllConnections()`; the HTTPS server that also speaks HTTP/2 has not, and an HTTP/2
 * connection idles between streams however long the client keeps it: both are tracked the same
 * way, by socket.
 */
export function trackConnections(server: Server): { closeAll(): void } {
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  };
  // Plain connections, and TLS ones once their handshake is done (HTTP/2 and HTTP/1.1 alike).
  server.on("connection", (socket: Socket) => {
    if (!("encrypted" in socket)) track(socket);
  });
  server.on("secureConnection", track);
  return {
    closeAll() {
      for (const socket of open) socket.destroy();
    },
  };
}
