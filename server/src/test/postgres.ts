import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject, onTestFinished } from "vitest";
import { startPostgres } from "./postgres-server.js";

/** Long enough for another process to create and start the cluster on a busy machine. */
const START_TIMEOUT_MS = 60_000;

/**
 * The run's PostgreSQL server (its superuser URL), started by whichever test process asks first:
 * it claims the start with an exclusive `mkdir`, the others wait for the URL it writes (or for
 * the reason it failed). The run's global setup stops it at the end.
 */
async function runServer(): Promise<string> {
  const dir = inject("postgresRunDir");
  if (!dir) throw new Error("no postgresRunDir: run the tests through vitest.config.ts, whose server project starts PostgreSQL");
  const urlFile = path.join(dir, "url");
  const failedFile = path.join(dir, "failed");
  let starter = false;
  try {
    fs.mkdirSync(path.join(dir, "claimed"));
    starter = true;
  } catch {
    // Another process is starting it.
  }
  if (starter) {
    try {
      const url = await startPostgres(dir);
      // Written then renamed, so a reader never sees half a URL.
      fs.writeFileSync(`${urlFile}.tmp`, url);
      fs.renameSync(`${urlFile}.tmp`, urlFile);
      return url;
    } catch (err) {
      fs.writeFileSync(failedFile, String(err));
      throw err;
    }
  }
  const giveUpAt = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (fs.existsSync(urlFile)) return fs.readFileSync(urlFile, "utf8");
    if (fs.existsSync(failedFile)) throw new Error(`PostgreSQL did not start: ${fs.readFileSync(failedFile, "utf8")}`);
    if (Date.now() > giveUpAt) throw new Error("PostgreSQL did not start in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Statements as the superuser on `url`'s database: behind a store's back, or to create one. */
export async function asSuperuser<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A URL with another database name: the rest (host, port, user) is the server's. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.href;
}

/**
 * A new, empty database on the run's server, for one test, dropped when the test ends (and any
 * connection the test left open with it). Tests never share state, yet share one server.
 */
export async function testDatabase(): Promise<string> {
  const server = await runServer();
  const name = `test_${randomBytes(8).toString("hex")}`;
  // template0: nothing a test ever does to template1 can leak into the next database. A file
  // copy takes a fifth of the time of the default (which writes every block to the WAL).
  await asSuperuser(server, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0 STRATEGY FILE_COPY`));
  onTestFinished(async () => {
    await asSuperuser(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  return withDatabase(server, name);
}

/** Bytes logged as the board's next update behind its store's back, as a bad disk or restore would. */
export async function logRawUpdate(databaseUrl: string, boardKey: string, bytes: Uint8Array): Promise<void> {
  await asSuperuser(databaseUrl, (db) =>
    db.query(
      `WITH head AS (UPDATE boards SET head_seq = head_seq + 1 WHERE key = $1 RETURNING head_seq)
       INSERT INTO board_updates (board_key, seq, data) SELECT $1, head_seq, $2 FROM head`,
      [boardKey, bytes],
    ),
  );
}
