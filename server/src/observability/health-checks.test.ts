import { describe, expect, it } from 'vitest';

import { runChecks, type HealthCheck } from './health-checks.js';

const passing: HealthCheck = { name: 'a_check', failure: 'a failed', run: () => Promise.resolve() };

describe('runChecks', () => {
  it('is ok with 200 when every check passes', async () => {
    expect(await runChecks([passing], 1000, () => undefined)).toEqual({
      httpStatus: 200,
      body: { status: 'ok', a_check: [{ status: 'ok' }] },
    });
  });

  it('fails with 503, says the fixed failure words and hands the real error to the log', async () => {
    const logged: [string, unknown][] = [];
    const secret = new Error('password authentication failed for user "app" at 10.0.0.5');
    const failing: HealthCheck = {
      name: 'db_check',
      failure: 'database query failed',
      run: () => Promise.reject(secret),
    };
    const result = await runChecks([passing, failing], 1000, (name, error) =>
      logged.push([name, error]),
    );
    expect(result).toEqual({
      httpStatus: 503,
      body: {
        status: 'failed',
        a_check: [{ status: 'ok' }],
        db_check: [{ status: 'failed', message: 'database query failed' }],
      },
    });
    expect(logged).toEqual([['db_check', secret]]);
  });

  it('fails a check that does not answer within the timeout', async () => {
    const hanging: HealthCheck = {
      name: 'db_check',
      failure: 'database query failed',
      run: () => new Promise<void>(() => undefined),
    };
    const started = performance.now();
    const result = await runChecks([hanging], 50, () => undefined);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.body.db_check).toEqual([{ status: 'failed', message: 'timed out after 50 ms' }]);
  });
});
