import fs from "node:fs";
import { run } from "./run.mjs";

const POLICY = "/usr/sbin/policy-rc.d";

/**
 * Installs Debian packages, as root or through passwordless sudo; resolves false when it cannot.
 * A package with a service (nginx, caddy) must not start it: the tests run their own on free
 * ports, and a system nginx would sit on :80. `policy-rc.d` answering 101 is Debian's way of
 * saying so, put in place only for the install and only when none is there already.
 */
export async function aptInstall(packages) {
  const asRoot = process.getuid?.() === 0;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args) => (asRoot ? run("apt-get", args, { env }) : run("sudo", ["-n", "apt-get", ...args], { env }));
  const ownPolicy = asRoot && !fs.existsSync(POLICY);
  if (ownPolicy) fs.writeFileSync(POLICY, "#!/bin/sh\nexit 101\n", { mode: 0o755 });
  try {
    return (await apt(["update", "-qq"])) === 0 && (await apt(["install", "-y", "-qq", ...packages])) === 0;
  } finally {
    if (ownPolicy) fs.rmSync(POLICY, { force: true });
  }
}
