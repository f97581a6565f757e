import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asSuperuser, testDatabase } from "../../test/postgres.js";
import { postgresUser } from "../../test/postgres-server.js";
import { canMount, fill, smallFilesystem } from "../../test/small-filesystem.js";
import { elementUpdate, newBoard } from "../../test/store.js";
import { openPostgresStore } from "../postgres.js";

if (!canMount) console.warn("PostgreSQL disk-full test not run: mounting a tmpfs needs root (.ci/run has it here)");

describe("PostgreSQL store: a full disk", () => {
  it.runIf(canMount)(
    "refuses appends while the disk holding the log is full (disk_full, 53100), storing none of them, and takes them once space is back",
    async () => {
      // The log's table moves onto a tablespace on a small filesystem: the rest of the server
      // (its WAL above all, whose writes PostgreSQL cannot fail gracefully) keeps its own disk.
      const dir = smallFilesystem(postgresUser());
      if (!dir) return;
      const url = await testDatabase();
      const store = await openPostgresStore(url);
      const board = await newBoard(store, "filling up");
      await store.appendUpdates(board.key, [elementUpdate("before")], 1);
      const tablespace = `full_${randomBytes(4).toString("hex")}`;
      await asSuperuser(url, (db) => db.query(`CREATE TABLESPACE ${tablespace} LOCATION '${dir}'`));
      try {
        await asSuperuser(url, (db) => db.query(`ALTER TABLE board_updates SET TABLESPACE ${tablespace}`));
        const before = await store.loadDoc(board.key);
        const filler = fill(dir);
        // Larger than any free page left: the table must grow, and cannot.
        const large = randomBytes(512 * 1024);
        await expect(store.appendUpdates(board.key, [elementUpdate("during"), large], 2)).rejects.toMatchObject({ code: "53100" });
        expect(await store.loadDoc(board.key)).toEqual(before);
        // Nor is the board's row left locked or changed: reads and other boards carry on.
        expect((await store.getBoard(board.id))?.elementCount).toBe(1);

        fs.rmSync(filler);
        const seq = await store.appendUpdates(board.key, [elementUpdate("during"), large], 2);
        expect(seq).toBe(before!.lastSeq + 2);
        expect((await store.loadDoc(board.key))!.updates).toHaveLength(3);
      } finally {
        await store.close();
        await asSuperuser(url, async (db) => {
          await db.query(`ALTER TABLE board_updates SET TABLESPACE pg_default`);
          await db.query(`DROP TABLESPACE ${tablespace}`);
        });
      }
    },
  );
});
