import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import the shared contract from source, so they never run against a stale build.
const shared = fileURLToPath(new URL("./shared/src/index.ts", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@whiteboard/shared": shared } },
  test: {
    // Two cores: one fork per core, and tests within a file run in order.
    pool: "forks",
    maxWorkers: 2,
    // Integration tests start servers, worker threads and child processes on two cores: 5 s is
    // tight when the machine is busy; a hang still fails, three times later.
    testTimeout: 15_000,
    projects: [
      { extends: true, test: { name: "shared", include: ["shared/src/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        // Provides where the run's one PostgreSQL server lives, and stops it at the end; the first
        // test that needs it starts it (server/src/test/postgres.ts).
        test: {
          name: "server",
          include: ["server/src/**/*.test.ts"],
          environment: "node",
          globalSetup: ["server/src/test/postgres-global-setup.ts"],
        },
      },
      { extends: true, test: { name: "client", include: ["client/src/**/*.test.{ts,tsx}"], environment: "node" } },
    ],
  },
});
