import fs from "node:fs";
import path from "node:path";
import { tempDir } from "./temp-dir.js";

/** A stand-in for `client/dist`: an index page and one hashed asset, removed when the test ends. */
export function fakeClientBuild(): string {
  const dir = tempDir("wb-client-");
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Whiteboard</title>");
  fs.writeFileSync(path.join(dir, "assets", "app-1234.js"), "console.log('app')");
  return dir;
}
