import fs from "node:fs";
import path from "node:path";
import { aptInstall } from "./apt.mjs";

/** Where Debian keeps each major version's binaries (the tests look there too). */
const DEBIAN_ROOT = "/usr/lib/postgresql";

/** The newest installed PostgreSQL's bin directory with `initdb` and `pg_ctl`, if any. */
export function findPostgres() {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  if (!fs.existsSync(DEBIAN_ROOT)) return undefined;
  return fs
    .readdirSync(DEBIAN_ROOT)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(DEBIAN_ROOT, version, "bin"))
    .find((bin) => fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl")));
}

/**
 * PostgreSQL for the store's tests, which start throwaway servers of their own on free loopback
 * ports (server/src/test/postgres-server.ts). Debian's `postgresql` package is installed when no
 * binaries are found; its system service is not started (apt.mjs keeps packages from starting
 * services). Resolves with the bin directory, which the tests also take from `POSTGRES_BIN`.
 */
export async function ensurePostgres() {
  const found = findPostgres();
  if (found) return found;
  console.log("• no PostgreSQL found: installing Debian's postgresql package");
  if (!(await aptInstall(["postgresql"]))) {
    throw new Error("could not install PostgreSQL; install Debian's postgresql package yourself or set POSTGRES_BIN");
  }
  const installed = findPostgres();
  if (!installed) throw new Error(`PostgreSQL was installed but no initdb was found under ${DEBIAN_ROOT}; set POSTGRES_BIN`);
  return installed;
}
