import { describe, expect, it } from "vitest";
import { asSuperuser, logRawUpdate, testDatabase } from "../test/postgres.js";
import { openPostgresStore } from "./postgres.js";
import { SCHEMA_VERSION } from "./postgres/migrations.js";
import { describeStoreContract, type StoreBackend } from "./store-contract/index.js";

const postgres: StoreBackend = {
  async place() {
    const url = await testDatabase();
    return {
      open: (now) => openPostgresStore(url, now),
      async failLibraryBumps() {
        await asSuperuser(url, (db) =>
          db.query(`
            CREATE FUNCTION fail_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
            CREATE TRIGGER fail_bump BEFORE UPDATE OF version ON libraries FOR EACH ROW EXECUTE FUNCTION fail_bump();
          `),
        );
        return async () => {
          await asSuperuser(url, (db) => db.query(`DROP TRIGGER fail_bump ON libraries; DROP FUNCTION fail_bump()`));
        };
      },
      logRaw: (boardKey, bytes) => logRawUpdate(url, boardKey, bytes),
      async overwriteSnapshot(boardKey, bytes) {
        await asSuperuser(url, (db) => db.query(`UPDATE board_snapshots SET data = $2 WHERE board_key = $1`, [boardKey, bytes]));
      },
    };
  },
};

describeStoreContract("PostgreSQL", postgres);

describe("PostgreSQL store: schema", () => {
  it("creates the schema on first start and records its version", async () => {
    const url = await testDatabase();
    await (await openPostgresStore(url)).close();
    const { rows } = await asSuperuser(url, (db) => db.query(`SELECT version FROM schema_version`));
    expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it("runs each migration once when several instances start on a new database at the same time", async () => {
    const url = await testDatabase();
    // Without the migration lock, the second CREATE TABLE of the same name fails one of them.
    const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url), openPostgresStore(url)]);
    const { rows } = await asSuperuser(url, (db) => db.query(`SELECT version FROM schema_version`));
    expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
    // Each sees what another writes: one database behind them all.
    const member = await stores[0]!.createMember(Buffer.alloc(32, 1));
    expect(await stores[2]!.memberBySecret(Buffer.alloc(32, 1))).toEqual(member);
    await Promise.all(stores.map((store) => store.close()));
  });

  it("refuses a database written by a newer server instead of misreading it", async () => {
    const url = await testDatabase();
    await (await openPostgresStore(url)).close();
    await asSuperuser(url, (db) => db.query(`UPDATE schema_version SET version = $1`, [SCHEMA_VERSION + 1]));
    await expect(openPostgresStore(url)).rejects.toThrow(/newer than this server/);
  });

  it("rejects opening when the database cannot be reached", async () => {
    const url = new URL(await testDatabase());
    url.pathname = "/no_such_database";
    await expect(openPostgresStore(url.href)).rejects.toThrow(/no_such_database/);
  });
});
