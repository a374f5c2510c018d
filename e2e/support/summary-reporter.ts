import { mkdirSync, writeFileSync } from 'node:fs';

import type { FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * One line and test-results/e2e-summary.json per run: passed, flaky (failed, then passed on the
 * retry), failed and skipped, with the titles of the flaky and failed tests, so repeated runs
 * can be counted without reading the whole report.
 */
export default class SummaryReporter implements Reporter {
  private suite: Suite | undefined;
  private readonly started = Date.now();

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  // Required so Playwright keeps calling onEnd with results attached to each test.
  onTestEnd(_test: TestCase, _result: TestResult): void {}

  onEnd(result: FullResult): void {
    const tests = this.suite?.allTests() ?? [];
    const title = (test: TestCase) =>
      `${test.titlePath().filter(Boolean).join(' › ')} (run ${test.repeatEachIndex + 1})`;
    const by = (outcome: ReturnType<TestCase['outcome']>) =>
      tests.filter((test) => test.outcome() === outcome);
    const summary = {
      status: result.status,
      durationSeconds: Math.round((Date.now() - this.started) / 100) / 10,
      passed: by('expected').length,
      flaky: by('flaky').length,
      failed: by('unexpected').length,
      skipped: by('skipped').length,
      flakyTests: by('flaky').map(title),
      failedTests: by('unexpected').map(title),
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/e2e-summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `e2e summary: ${summary.passed} passed, ${summary.flaky} flaky, ${summary.failed} failed, ${summary.skipped} skipped in ${summary.durationSeconds} s (test-results/e2e-summary.json)`,
    );
  }
}
