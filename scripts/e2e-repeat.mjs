#!/usr/bin/env node
// Runs the whole Playwright suite N times in a row (default 10), each run on a fresh server, and
// prints one line per run and a total: passed, flaky (failed once, passed on the retry), failed.
// QA's stability check: `npm run test:e2e:repeat -- 10`. Extra arguments go to Playwright
// (e.g. `-- 3 --grep @smoke`). Exit 1 if any run had a failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [countArg, ...playwrightArgs] = process.argv.slice(2);
const runs = Number(countArg ?? 10);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run test:e2e:repeat -- [runs] [playwright arguments]');
  process.exit(2);
}

/** Each run picks its own port and data directory (playwright.config.ts does when these are unset). */
function freshRunEnv(report) {
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report };
  delete env.E2E_PORT;
  delete env.E2E_DATA_DIR;
  return env;
}

const totals = { passed: 0, flaky: 0, failed: 0, skipped: 0 };
let failedRuns = 0;
for (let run = 1; run <= runs; run += 1) {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-repeat-'));
  const report = join(dir, 'report.json');
  const started = Date.now();
  spawnSync('npx', ['playwright', 'test', '--reporter=json', ...playwrightArgs], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: freshRunEnv(report),
  });
  let stats;
  try {
    stats = JSON.parse(readFileSync(report, 'utf8')).stats;
  } catch {
    stats = { expected: 0, flaky: 0, unexpected: 1, skipped: 0 };
    console.error(`run ${run}: no report (Playwright did not finish)`);
  }
  rmSync(dir, { recursive: true, force: true });
  const line = {
    passed: stats.expected,
    flaky: stats.flaky,
    failed: stats.unexpected,
    skipped: stats.skipped,
  };
  for (const key of Object.keys(totals)) totals[key] += line[key];
  if (line.failed > 0) failedRuns += 1;
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `run ${String(run).padStart(2)}: ${line.passed} passed, ${line.flaky} flaky, ${line.failed} failed, ${line.skipped} skipped (${seconds} s)`,
  );
}
console.log(
  `\n${runs} runs: ${runs - failedRuns} green, ${failedRuns} red; specs: ${totals.passed} passed, ${totals.flaky} flaky, ${totals.failed} failed, ${totals.skipped} skipped`,
);
process.exit(failedRuns > 0 ? 1 : 0);
