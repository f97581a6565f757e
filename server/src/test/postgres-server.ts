import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * A throwaway PostgreSQL server for one test run: `initdb` and `pg_ctl` from Debian's package
 * (`scripts/lib/postgres.mjs` installs it), data in `dir`, listening on a free loopback port
 * only, with durability off (a crash loses a test run, nothing else). PostgreSQL refuses to run
 * as root, so as root everything runs as the package's `postgres` user.
 */

/** Where Debian keeps each major version's binaries; `POSTGRES_BIN` names another place. */
const DEBIAN_ROOT = "/usr/lib/postgresql";

export function postgresBinDir(): string {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const versions = fs.existsSync(DEBIAN_ROOT) ? fs.readdirSync(DEBIAN_ROOT).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(DEBIAN_ROOT, v, "bin"))
    .find((bin) => fs.existsSync(path.join(bin, "initdb")));
  if (!newest) {
    throw new Error(`no PostgreSQL under ${DEBIAN_ROOT}: \`npm test\` installs Debian's postgresql, or set POSTGRES_BIN`);
  }
  return newest;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when this process is root. */
function runTool(tool: string, args: string[]): string {
  const program = path.join(postgresBinDir(), tool);
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  return execFileSync(command, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The user the server runs as when this process is root: the files it writes must be its own. */
export function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
  return { uid: id("-u"), gid: id("-g") };
}

/** For speed and isolation: nothing here needs to survive a crash, or be reached from outside. */
const SETTINGS = `
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The server's files, all inside `dir`: owned by `postgres` when run as root. */
function layout(dir: string) {
  const home = path.join(dir, "postgres");
  return { home, data: path.join(home, "data"), log: path.join(home, "server.log") };
}

/** Creates the cluster and starts it; resolves with the superuser's URL of its `postgres` database. */
export async function startPostgres(dir: string): Promise<string> {
  const { home, data, log } = layout(dir);
  fs.mkdirSync(home, { recursive: true });
  if (asRoot) {
    const { uid, gid } = postgresUser();
    fs.chmodSync(dir, 0o711);
    fs.chownSync(home, uid, gid);
  }
  runTool("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  fs.appendFileSync(path.join(data, "postgresql.conf"), SETTINGS);
  // A free port may be taken between the probe and the server's bind: a few tries.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      runTool("pg_ctl", ["start", "--wait", "--timeout=60", "-D", data, "-l", log, "-o", `-p ${port}`]);
      return `postgres://postgres@127.0.0.1:${port}/postgres`;
    } catch (err) {
      if (attempt >= 3) throw new Error(`PostgreSQL did not start: ${String(err)}\n${readLog(log)}`);
    }
  }
}

/** Stops the server in `dir` if one was started there; immediate, as its data is thrown away. */
export function stopPostgres(dir: string): void {
  const { data } = layout(dir);
  if (!fs.existsSync(path.join(data, "postmaster.pid"))) return;
  runTool("pg_ctl", ["stop", "--wait", "-m", "immediate", "-D", data]);
}

function readLog(log: string): string {
  try {
    return fs.readFileSync(log, "utf8").slice(-4000);
  } catch {
    return "(no server log)";
  }
}
