/**
 * GitLab's health probe format (`Gitlab::HealthChecks::Probes::Collection`): an overall
 * `status`, and per check name a list of results, e.g.
 *   200 {"status":"ok","master_check":[{"status":"ok"}],"db_check":[{"status":"ok"}]}
 *   503 {"status":"failed","master_check":[{"status":"ok"}],"db_check":[{"status":"failed","message":"…"}]}
 */

/** One readiness check: resolves when healthy, rejects (or times out) when not. */
export interface HealthCheck {
  /** GitLab-style key, e.g. `db_check`. */
  readonly name: string;
  run(): Promise<void>;
  /** What a failure says in the body: fixed words, never the error (probes are unauthenticated). */
  readonly failure: string;
}

export type CheckResult = { status: 'ok' } | { status: 'failed'; message: string };

export interface ProbeResult {
  httpStatus: 200 | 503;
  body: { status: 'ok' | 'failed' } & Record<string, CheckResult[] | string>;
}

/**
 * Runs every check at once, each bounded by `timeoutMs` (an unreachable database must not
 * hang the probe), and reports the failures to `onFailure` with their real errors for the log.
 */
export async function runChecks(
  checks: readonly HealthCheck[],
  timeoutMs: number,
  onFailure: (name: string, error: unknown) => void,
): Promise<ProbeResult> {
  const results = await Promise.all(
    checks.map(async (check): Promise<CheckResult> => {
      try {
        await withTimeout(check.run(), timeoutMs);
        return { status: 'ok' };
      } catch (error) {
        onFailure(check.name, error);
        const timedOut = error instanceof CheckTimeout;
        return { status: 'failed', message: timedOut ? error.message : check.failure };
      }
    }),
  );
  const ok = results.every((result) => result.status === 'ok');
  const body: ProbeResult['body'] = { status: ok ? 'ok' : 'failed' };
  checks.forEach((check, index) => {
    const result = results[index];
    if (result) body[check.name] = [result];
  });
  return { httpStatus: ok ? 200 : 503, body };
}

class CheckTimeout extends Error {}

function withTimeout(promise: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CheckTimeout(`timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
