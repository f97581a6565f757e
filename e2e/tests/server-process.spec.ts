import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { startServer, stopServer } from "../fixtures.js";

const SERVER_MAIN = fileURLToPath(new URL("../../server/dist/main.js", import.meta.url));

// These drive the built server as `npm start` runs it: no browser needed.

test("the server refuses a bad PORT with a clear message and exit code 1", () => {
  const result = spawnSync(process.execPath, [SERVER_MAIN], {
    env: { ...process.env, PORT: "abc", LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`PORT: must be an integer from 0 to 65535, got "abc"`);
});

test("SIGTERM shuts the server down cleanly and what it stored is there after a restart", async () => {
  const first = await startServer();
  const created = await (
    await fetch(`${first.url}/api/boards`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Survivor" }),
    })
  ).json();
  const logged: string[] = [];
  first.process.stdout!.on("data", (chunk: Buffer) => logged.push(chunk.toString()));
  const exit = new Promise<number | null>((resolve) => first.process.once("exit", resolve));
  first.process.kill("SIGTERM");
  expect(await exit).toBe(0);
  expect(logged.join("")).toContain('"msg":"stopped"');

  const second = await startServer(first.dataDir);
  try {
    const res = await fetch(`${second.url}/api/boards/${created.id}`);
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe("Survivor");
  } finally {
    await stopServer(second);
  }
});
