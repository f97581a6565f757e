// `npm test`: every suite (typecheck, unit and integration tests, the browser e2e suite), then
// one closing line summing them: `N passed, N failed`.
import fs from "node:fs";
import path from "node:path";
import { buildStale } from "./lib/build.mjs";
import { ensureChromium } from "./lib/chromium.mjs";
import { ensureProxies } from "./lib/proxies.mjs";
import { ensurePostgres } from "./lib/postgres.mjs";
import { ROOT } from "./lib/paths.mjs";
import { ensurePnpm, installDependencies, pnpmArgs } from "./lib/pnpm.mjs";
import { run } from "./lib/run.mjs";

const RESULTS = path.join(ROOT, ".test-results");
fs.rmSync(RESULTS, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });

const pnpm = await ensurePnpm();
await installDependencies(pnpm);
const chromium = await ensureChromium();
await ensureProxies();
await ensurePostgres();
await buildStale(pnpm);

const totals = { passed: 0, failed: 0, skipped: 0 };
const report = [];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Runs one suite and adds its counts. `count` reads the runner's JSON report; without one the
 * suite is a single check (pass or fail by exit code). A runner that exits non-zero without
 * reporting a failure still counts as one, never as silence.
 */
async function suite(name, [command, args], options, count) {
  console.log(`\n━━ ${name} ━━`);
  const code = await run(command, args, { cwd: ROOT, ...options });
  const result = count ? (count() ?? { passed: 0, failed: 0, skipped: 0 }) : { passed: code === 0 ? 1 : 0, failed: 0, skipped: 0 };
  if (code !== 0 && result.failed === 0) result.failed = 1;
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
  report.push(`${name}: ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ""}`);
}

await suite("typecheck (tsc, every workspace)", pnpmArgs(pnpm, ["-r", "--no-bail", "typecheck"]), {});

const vitestJson = path.join(RESULTS, "vitest.json");
await suite(
  "unit and integration (vitest)",
  pnpmArgs(pnpm, ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]),
  {},
  () => {
    const json = readJson(vitestJson);
    return json && { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
  },
);

const playwrightJson = path.join(RESULTS, "playwright.json");
await suite(
  "e2e (playwright, Chromium)",
  pnpmArgs(pnpm, ["--filter", "@whiteboard/e2e", "exec", "playwright", "test"]),
  { env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } },
  () => {
    const json = readJson(playwrightJson);
    return json && { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected, skipped: json.stats.skipped };
  },
);

const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
fs.writeFileSync(path.join(RESULTS, "summary.txt"), summary + "\n");
console.log(`\n━━ summary ━━\n${report.join("\n")}\n${summary}`);
process.exit(totals.failed === 0 ? 0 : 1);
