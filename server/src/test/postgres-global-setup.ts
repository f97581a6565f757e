import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { stopPostgres } from "./postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run's PostgreSQL lives once a test asks for it (see test/postgres.ts). */
    postgresRunDir: string;
  }
}

/**
 * One PostgreSQL server per test run, started by the first test that needs one (so a run
 * without PostgreSQL tests pays nothing) and stopped here when the run ends. Only the place is
 * decided here: the test files run in several processes, which agree through files in it.
 */
export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wb-postgres-run-"));
  project.provide("postgresRunDir", dir);
  return () => {
    try {
      stopPostgres(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
