import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The README's reverse-proxy recipes, run as written: each is read from its fenced block in
 * README.md, and only what a deployment would change anyway is changed (host name, ports,
 * certificate paths), so a recipe that stops working fails the suite.
 */
const README = fileURLToPath(new URL("../README.md", import.meta.url));

export type ProxyKind = "caddy" | "nginx";
const FENCE: Record<ProxyKind, string> = { caddy: "caddyfile", nginx: "nginx" };
const BINARY: Record<ProxyKind, string> = { caddy: "/usr/bin/caddy", nginx: "/usr/sbin/nginx" };

export function proxyInstalled(kind: ProxyKind): boolean {
  return fs.existsSync(BINARY[kind]);
}

/** The first block fenced as `lang` in the README. */
export function readmeBlock(lang: string): string {
  const match = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(fs.readFileSync(README, "utf8"));
  if (!match) throw new Error(`README.md has no \`\`\`${lang} block`);
  return match[1]!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

export interface RunningProxy {
  /** e.g. https://localhost:41235 */
  url: string;
  stop(): Promise<void>;
}

interface ProxySetup {
  /** Where the server listens, e.g. 127.0.0.1:41234: replaces the recipes' 127.0.0.1:3000. */
  upstream: string;
  cert: string;
  key: string;
  dir: string;
}

/** The recipe, changed only where a deployment would change it. */
function recipe(kind: ProxyKind, port: number, setup: ProxySetup): string {
  const block = readmeBlock(FENCE[kind]).replaceAll("127.0.0.1:3000", setup.upstream);
  if (kind === "caddy") {
    // Caddy gets public certificates by itself; a test has to hand it one, and must not bind :80
    // for redirects or open the admin endpoint.
    const global = `{\n\tadmin off\n\tauto_https disable_redirects\n\thttps_port ${port}\n\tstorage file_system ${setup.dir}/caddy\n}\n`;
    return global + block.replace("whiteboard.example.com {", `localhost:${port} {\n\ttls ${setup.cert} ${setup.key}`);
  }
  const server = block
    .replace("listen 443 ssl", `listen 127.0.0.1:${port} ssl`)
    .replace("server_name whiteboard.example.com", "server_name localhost")
    .replace("/etc/ssl/whiteboard.pem", setup.cert)
    .replace("/etc/ssl/whiteboard.key", setup.key);
  // The recipe is an `http {}` snippet (a file in conf.d); this is the rest of an nginx.conf,
  // with every path in the test's directory so it runs unprivileged and leaves nothing behind.
  const temp = (name: string) => `${name}_temp_path ${setup.dir}/${name};`;
  return [
    "daemon off;",
    "worker_processes 1;",
    `pid ${setup.dir}/nginx.pid;`,
    `error_log ${setup.dir}/error.log warn;`,
    "events { worker_connections 256; }",
    "http {",
    "  access_log off;",
    `  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}`,
    server,
    "}",
  ].join("\n");
}

/** Starts the proxy in front of `upstream` and resolves once it accepts connections. */
export async function startProxy(kind: ProxyKind, setup: ProxySetup): Promise<RunningProxy> {
  const port = await freePort();
  // nginx's workers run as `nobody` when started by root: they must reach their temp paths.
  fs.chmodSync(setup.dir, 0o777);
  const config = path.join(setup.dir, kind === "caddy" ? "Caddyfile" : "nginx.conf");
  fs.writeFileSync(config, recipe(kind, port, setup));
  const args =
    kind === "caddy" ? ["run", "--config", config, "--adapter", "caddyfile"] : ["-e", `${setup.dir}/error.log`, "-c", config];
  const env = { ...process.env, HOME: setup.dir, XDG_DATA_HOME: setup.dir, XDG_CONFIG_HOME: setup.dir };
  const child = spawn(BINARY[kind], args, { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForPort(port, child, () => stderr);
  return {
    url: `https://localhost:${port}`,
    stop: () => stop(child),
  };
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the proxy exited with ${child.exitCode}: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the proxy did not listen on ${port} in time: ${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
