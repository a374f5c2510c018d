import { mkdirSync, writeFileSync } from 'node:fs';

import { expect, test } from '../fixtures.js';

const REPETITIONS = 50;

interface DomChange {
  /** Epoch milliseconds (performance.timeOrigin + now(): sub-millisecond, same clock as the server). */
  at: number;
  usernames: string;
}

/** The value at quantile q of sorted numbers (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/**
 * Mutation commit to DOM in a second browser: the server's `updated_at` (set in the committing
 * transaction, millisecond precision) against a MutationObserver's timestamp in the page, same
 * host. Asserts only that every change was seen; the figures go to test-results/latency.json.
 */
test(
  'commit-to-DOM latency over 50 changes',
  { tag: '@latency' },
  async ({ data, adminApi, openAs }, testInfo) => {
    test.setTimeout(120_000);
    const users = [await data.user('developer'), await data.user('developer')];
    const issue = await data.issue({ title: 'Latency', assignees: [users[0]!] });
    const viewer = await openAs(null);
    await viewer.open(issue.iid);
    await viewer.assignees.expectAssignees([users[0]!.username]);
    await viewer.page.evaluate(() => {
      const changes: DomChange[] = [];
      (window as unknown as { __domChanges: DomChange[] }).__domChanges = changes;
      const read = () =>
        [...document.querySelectorAll('[data-testid="assignees-block"] [data-testid="assignee"]')]
          .map((item) => item.textContent?.match(/@(\S+)/)?.[1] ?? '')
          .join(',');
      let last = read();
      new MutationObserver(() => {
        const now = read();
        if (now !== last)
          changes.push({ at: performance.timeOrigin + performance.now(), usernames: now });
        last = now;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    const domChanges = () =>
      viewer.page.evaluate(() => (window as unknown as { __domChanges: DomChange[] }).__domChanges);
    const latencies: number[] = [];
    for (let round = 1; round <= REPETITIONS; round += 1) {
      const next = users[round % 2]!;
      const committed = Date.parse(
        (await adminApi.updateIssue(issue.iid, { assignee_ids: [next.id] })).updated_at,
      );
      let seen: DomChange | undefined;
      await expect
        .poll(
          async () => {
            seen = (await domChanges()).find(
              (change) => change.at >= committed && change.usernames === next.username,
            );
            return seen !== undefined;
          },
          { message: `change ${round} reached the second browser` },
        )
        .toBe(true);
      latencies.push((seen?.at ?? NaN) - committed);
    }

    expect(latencies).toHaveLength(REPETITIONS);
    const sorted = [...latencies].sort((a, b) => a - b);
    const report = {
      measured: 'server commit (issue updated_at) to assignee list changed in a second browser',
      repetitions: REPETITIONS,
      unit: 'ms',
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      max: sorted.at(-1),
      samples: latencies.map((value) => Math.round(value * 10) / 10),
    };
    const body = JSON.stringify(report, null, 2);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/latency.json', body);
    await testInfo.attach('latency.json', { body, contentType: 'application/json' });
  },
);
