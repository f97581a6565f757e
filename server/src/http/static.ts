import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";

/** Client-side routes: each loads the single-page app, which reads the path itself. */
const PAGES = ["/"];
/** Pages whose URL is a capability: never indexed, whoever links to them. */
const CAPABILITY_PAGES = ["/b/:id", "/v/:viewId", "/join/:invite", "/device/:token"];

/**
 * Serves the built client. Vite names assets by content hash, so they may be cached for good;
 * `index.html` must be revalidated so a new build reaches every tab.
 */
export async function registerStatic(app: FastifyInstance, clientDir: string): Promise<void> {
  const indexHtml = path.join(clientDir, "index.html");
  if (!fs.existsSync(indexHtml)) {
    app.log.warn({ clientDir }, "no built client found; pages will 404 until the client is built");
    return;
  }
  await app.register(fastifyStatic, {
    root: clientDir,
    index: false,
    wildcard: true,
    setHeaders(reply, filePath) {
      const immutable = filePath.startsWith(path.join(clientDir, "assets") + path.sep);
      reply.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  for (const page of PAGES) {
    app.get(page, (_request, reply) => reply.header("Cache-Control", "no-cache").sendFile("index.html"));
  }
  for (const page of CAPABILITY_PAGES) {
    app.get(page, (_request, reply) =>
      reply.header("Cache-Control", "no-cache").header("X-Robots-Tag", "noindex, nofollow").sendFile("index.html"),
    );
  }
}
