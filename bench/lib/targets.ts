/**
 * The targets of issue #19, each with the figure measured for the shipped server (a), the floor's
 * (f) in the same run, and a verdict. Relative targets (floor + 3 ms, 1.2 × floor, 2 × graphql-ws)
 * are read against the other server in the same run, never against a remembered number.
 */
import type { M, RunResult } from './report.js';
import type { Mode } from './servers.js';

/** met, missed, or not measured (undefined); 'reported' for a target that is a report. */
type Verdict = boolean | 'reported' | undefined;
interface Row {
  metric: string;
  target: string;
  measured: string;
  verdict: Verdict;
  /** The floor misses an absolute target too: it is not reachable on this machine. */
  floorMisses?: boolean;
}

const lat = (m: M) => `p50 ${m.latency.p50} ms, p99 ${m.latency.p99} ms, lost ${m.lost}`;

export function targetRows(r: RunResult): Row[] {
  const find = (scenario: string, mode: Mode) =>
    r.measurements.find((m) => m.scenario === scenario && m.mode === mode);
  const rows: Row[] = [];
  const notRun = (metric: string, target: string, why = 'not run') =>
    rows.push({ metric, target, measured: why, verdict: undefined });

  // Write path: measured where pushes do not compete with the request (1k subscribers, 10/s).
  const [wa, wf, wpg] = ['a', 'f', 'pg'].map((mode) => find('fanout-1k', mode as Mode));
  const spreadA = find('spread-10k-over-1000', 'a')?.phasesMs?.publish;
  const publishTarget = 'p50 ≤ 2 ms on the embedded database; real PostgreSQL beside';
  if (wa?.phasesMs)
    rows.push({
      metric: 'write path: server request → publish (fanout-1k)',
      target: publishTarget,
      measured: `${wa.phasesMs.publish} ms${spreadA !== undefined ? ` (spread: ${spreadA} ms)` : ''}; on PostgreSQL + Redis (pg): ${wpg?.phasesMs?.publish ?? 'not run'} ms; floor (f): ${wf?.phasesMs?.publish ?? 'not run'} ms`,
      verdict: wa.phasesMs.publish <= 2,
      floorMisses: wf?.phasesMs ? wf.phasesMs.publish > 2 : undefined,
    });
  else notRun('write path: server request → publish (fanout-1k)', publishTarget);
  // 0 cannot be right (every mutation writes): the probe does not see the server's driver.
  const trips = wa?.perTrigger.dbStatements || undefined;
  // The mutation's own statements, and the credential reads the credential cache makes once per
  // credential per 10 s (so a share of one: amortized over the mutations it serves).
  const credential = wa?.perTrigger.credentialDbStatements ?? 0;
  const own = trips !== undefined ? Math.round((trips - credential) * 100) / 100 : undefined;
  rows.push({
    metric: 'database round trips per mutation',
    target: '≤ 2 (the viewer’s auth/permission context; one write returning the new state)',
    measured:
      trips !== undefined
        ? `${own} statements per mutation (embedded), plus ${credential} per mutation of cached credential reads (one per credential per 10 s); on PostgreSQL (pg): ${wpg?.perTrigger.dbStatements ?? 'not run'} in all; ${wa?.perTrigger.deliveryDbStatements ?? 0} more per event in the delivery`
        : wa
          ? 'none counted: bench/lib/db-probes.ts does not see the database driver of this server'
          : 'not run',
    verdict: own !== undefined ? own <= 2 : undefined,
  });

  // Push, relative to the floor in this run.
  for (const [scenario, metric, p50Slack] of [
    ['fanout-1k', 'push, 1,000 subscribers on one issue', 3],
    ['fanout-10k', 'push, 10,000 subscribers on one issue', undefined],
  ] as const) {
    const a = find(scenario, 'a');
    const f = find(scenario, 'f');
    const target = `${p50Slack !== undefined ? `p50 ≤ floor + ${p50Slack} ms, ` : ''}p99 ≤ 1.2 × floor, 0 lost`;
    if (!a || !f) {
      notRun(metric, target, a ? `${lat(a)}; floor (f) not run` : 'not run');
      continue;
    }
    rows.push({
      metric,
      target,
      measured: `${lat(a)}; floor (f): ${lat(f)} → limits p50 ${p50Slack !== undefined ? f.latency.p50 + p50Slack : '–'}, p99 ${round(1.2 * f.latency.p99)} ms`,
      verdict:
        (p50Slack === undefined || a.latency.p50 <= f.latency.p50 + p50Slack) &&
        a.latency.p99 <= 1.2 * f.latency.p99 &&
        a.lost === 0,
    });
  }

  const sa = find('spread-10k-over-1000', 'a');
  const sc = find('spread-10k-over-1000', 'c');
  const sf = find('spread-10k-over-1000', 'f');
  if (sa && sc)
    rows.push({
      metric: 'spread: 10,000 subscribers over 1,000 issues, 40 triggers/s',
      target: 'p99 ≤ 2 × graphql-ws (c), 0 lost',
      measured: `${lat(sa)}; graphql-ws (c): ${lat(sc)} → limit p99 ${2 * sc.latency.p99} ms; floor (f): ${sf ? lat(sf) : 'not run'}`,
      verdict: sa.latency.p99 <= 2 * sc.latency.p99 && sa.lost === 0,
    });
  else
    notRun('spread: 10,000 subscribers over 1,000 issues, 40 triggers/s', 'p99 ≤ 2 × graphql-ws');

  const ca = find('fanout-1k', 'a');
  const cf = find('fanout-1k', 'f');
  const connectTarget = 'p50 ≤ 10 ms';
  if (ca)
    rows.push({
      metric: 'connect + subscribe at 1,000 (1,000/s)',
      target: connectTarget,
      measured: `p50 ${ca.connect.p50} ms, p99 ${ca.connect.p99} ms, ${ca.dbStatementsPerConnection ?? '?'} DB statements per connection (the issue: at most one cached identity lookup); floor (f): ${cf ? `p50 ${cf.connect.p50}, p99 ${cf.connect.p99} ms` : 'not run'}`,
      verdict: ca.connect.p50 <= 10,
      floorMisses: cf ? cf.connect.p50 > 10 : undefined,
    });
  else notRun('connect + subscribe at 1,000 (1,000/s)', connectTarget);

  const storm = (m: M | undefined) =>
    m
      ? `${m.connect.ok} subscribed, ${m.connect.failed} failed (p50 ${m.connect.p50} ms, p99 ${m.connect.p99} ms, all in ${m.connect.wallMs} ms; ${m.closed} closed by the end)`
      : 'not run';
  const ta = find('storm-10k', 'a');
  const tf = find('storm-10k', 'f');
  if (ta)
    rows.push({
      metric: 'connect storm: 10,000 connects at once',
      target: '0 failed (30 s each)',
      measured: `${storm(ta)}; floor (f): ${storm(tf)}`,
      verdict: ta.connect.failed === 0,
      floorMisses: tf ? tf.connect.failed > 0 : undefined,
    });
  else notRun('connect storm: 10,000 connects at once', '0 failed');

  const q = r.initialQuery.find((x) => x.mode === 'a');
  const fq = r.initialQuery.find((x) => x.mode === 'f');
  const queryTarget = 'server p50 ≤ 3 ms, p99 ≤ 10 ms';
  const queryOk = (x: typeof q) =>
    (x?.serverP50 ?? Infinity) <= 3 && (x?.serverP99 ?? Infinity) <= 10 && !x?.errors;
  if (q)
    rows.push({
      metric: 'initial sidebar query, 50 concurrent clients',
      target: queryTarget,
      measured: `server p50 ${q.serverP50 ?? '?'} ms, p99 ${q.serverP99 ?? '?'} ms (client-side, queueing behind 49 others included: p50 ${q.p50}, p99 ${q.p99}); ${q.requests} requests, ${q.errors ?? 0} errors; floor (f): server p50 ${fq?.serverP50 ?? '?'}, p99 ${fq?.serverP99 ?? '?'} ms`,
      verdict: queryOk(q),
      floorMisses: fq ? !queryOk(fq) : undefined,
    });
  else notRun('initial sidebar query, 50 concurrent clients', queryTarget);

  const mem = r.memory;
  const memTarget = '≤ 300 MB RSS, the whole process tree, fresh and existing data directory';
  if (mem)
    rows.push({
      metric: '`npm start` at rest',
      target: memTarget,
      measured: `fresh: ${mem.fresh.idleMb} MB (peak while starting ${mem.fresh.peakMb} MB); existing: ${mem.existing.idleMb} MB (peak ${mem.existing.peakMb} MB); floor (f), before any connection: ${cf ? `${cf.treeRssBeforeMb ?? cf.rssBeforeMb} MB` : 'not run'}`,
      verdict: mem.fresh.idleMb <= 300 && mem.existing.idleMb <= 300,
    });
  else notRun('`npm start` at rest', memTarget);

  const idle = ['fanout-1k', 'fanout-10k']
    .map((scenario) => find(scenario, 'a'))
    .filter((m): m is M => m !== undefined);
  const largest = idle[idle.length - 1];
  const floorIdle = find(largest?.scenario ?? '', 'f');
  rows.push({
    metric: 'memory per idle subscribed connection',
    target: '≤ 10 KB (RSS and JS heap)',
    measured: idle.length
      ? `${idle.map((m) => `${m.kbPerConnection} KB RSS, ${m.heapKbPerConnection ?? '?'} KB JS heap at ${m.connect.ok}`).join('; ')} (verdict at the largest count: RSS moves by a few MB by itself)${floorIdle ? `; floor (f): ${floorIdle.kbPerConnection} KB RSS` : ''}`
      : 'not run',
    verdict: largest
      ? largest.kbPerConnection <= 10 && (largest.heapKbPerConnection ?? Infinity) <= 10
      : undefined,
  });

  const iso = r.isolation?.find((x) => x.mode === 'a');
  const isoFloor = r.isolation?.find((x) => x.mode === 'f');
  const isoText = (x: NonNullable<typeof iso>) =>
    `quiet p50 ${x.quiet.latency.p50} / p99 ${x.quiet.latency.p99} ms, busy p50 ${x.busy.latency.p50} / p99 ${x.busy.latency.p99} ms, lost ${x.quiet.lost + x.busy.lost}`;
  const isoTarget = `fan-out on issue A (1,000 subscribers) unchanged while issue B takes ${iso?.backgroundPerSec ?? 40} mutations/s: busy p50 ≤ quiet + 3 ms, p99 ≤ 1.2 × quiet, 0 lost`;
  if (iso)
    rows.push({
      metric: 'the database never blocks the sockets',
      target: isoTarget,
      measured: `${isoText(iso)}; floor (f): ${isoFloor ? isoText(isoFloor) : 'not run'}`,
      verdict:
        iso.busy.latency.p50 <= iso.quiet.latency.p50 + 3 &&
        iso.busy.latency.p99 <= 1.2 * iso.quiet.latency.p99 &&
        iso.quiet.lost + iso.busy.lost === 0,
    });
  else notRun('the database never blocks the sockets', isoTarget);

  const scaled = r.measurements.filter((m) => m.mode === 'x2');
  rows.push({
    metric: 'scale-out: WEB_CONCURRENCY=2, PostgreSQL + Redis started by the harness',
    target: 'the same scenarios reported beside the embedded figures',
    measured: scaled.length
      ? scaled
          .map((m) => {
            const a = find(m.scenario, 'a');
            return `${m.scenario}: ${lat(m)}, ${m.connect.failed} failed to connect${a ? ` (a: ${lat(a)})` : ''}`;
          })
          .join('; ')
      : 'not run',
    verdict: scaled.length ? 'reported' : undefined,
  });
  return rows;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** The target table in Markdown. */
export function targets(r: RunResult): string {
  const verdict = ({ verdict: v, floorMisses }: Row) =>
    v === undefined
      ? 'not measured'
      : v === 'reported'
        ? '**reported**'
        : v
          ? '**met**'
          : floorMisses
            ? '**missed**; the floor (f) misses it too: not reachable on this machine'
            : '**missed**';
  return [
    '| metric | target | measured | verdict |',
    '|---|---|---|---|',
    ...targetRows(r).map(
      (row) => `| ${row.metric} | ${row.target} | ${row.measured} | ${verdict(row)} |`,
    ),
  ].join('\n');
}
