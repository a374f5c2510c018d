/** Markdown tables, target verdicts and the SVG chart of a run. */
import { MODE_LABEL, type Mode } from './servers.js';
import type { Measurement } from './scenarios.js';

export interface RunResult {
  command: string;
  machine: { cores: number; memory: string; node: string; loadAtStart?: string };
  /** Load average when the results were last written. */
  loadAtEnd?: string;
  startedAt: string;
  measurements: Omit<Measurement, 'latencies'>[];
  sustained: {
    mode: Mode;
    /** Subscribers connected on the one issue. */
    subscribers: number;
    ratePerSec: number;
    deliveriesPerSec: number;
    p99: number;
    lost: number;
    /**
     * issueUpdated publishes per trigger. Below 1, some triggers changed nothing (mutations
     * overtaking each other under overload can set the state it already has), and their
     * missing pushes count as lost although nothing was dropped.
     */
    publishesPerTrigger?: number;
  }[];
  initialQuery: {
    mode: Mode;
    requests: number;
    errors?: number;
    p50: number;
    p99: number;
    /** Request arrival → response finished, inside the server. */
    serverP50?: number;
    serverP99?: number;
  }[];
}

type M = RunResult['measurements'][number];
const ratio = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(1)}x` : '–');

/**
 * One side-by-side table per scenario: a row per metric, a column per mode, then ratios: b/a and
 * c/a (how much slower the alternatives are) and a/f (how far (a) is above the floor).
 */
export function sideBySide(ms: readonly M[]): string {
  const out: string[] = [];
  for (const scenario of [...new Set(ms.map((m) => m.scenario))]) {
    const rows = ms.filter((m) => m.scenario === scenario);
    const a = rows.find((m) => m.mode === 'a');
    const ratios = a
      ? [
          ...rows
            .filter((m) => m.mode === 'b' || m.mode === 'c')
            .map((m) => ({ name: `${m.mode}/a`, x: m, y: a })),
          ...rows.filter((m) => m.mode === 'f').map((m) => ({ name: 'a/f', x: a, y: m })),
        ]
      : [];
    const head = [...rows.map((m) => MODE_LABEL[m.mode]), ...ratios.map((r) => r.name)];
    const line = (name: string, f: (m: M) => number, unit = '') =>
      `| ${name} | ${rows.map((m) => `${f(m)}${unit}`).join(' | ')} |${ratios
        .map((r) => ` ${ratio(f(r.x), f(r.y))} |`)
        .join('')}`;
    const first = rows[0];
    out.push(
      `### ${scenario}: ${first?.subscribers} subscribers on ${first?.issues} issue(s), ${first?.triggers} triggers at ${first?.ratePerSec}/s`,
      '',
      `| metric | ${head.join(' | ')} |`,
      `|---|${head.map(() => '---:').join('|')}|`,
      line('push p50 (ms)', (m) => m.latency.p50),
      line('push p95 (ms)', (m) => m.latency.p95),
      line('push p99 (ms)', (m) => m.latency.p99),
      line('push max (ms)', (m) => m.latency.max),
      line('mutation round trip p50 (ms)', (m) => m.mutation?.p50 ?? 0),
      line('mutation round trip p99 (ms)', (m) => m.mutation?.p99 ?? 0),
      line('delivered', (m) => m.delivered),
      line('expected', (m) => m.expected),
      line('lost', (m) => m.lost),
      line('wrong payload', (m) => m.wrong),
      line('subscribed sockets closed during the run', (m) => m.closed ?? 0),
      line('deliveries/s', (m) => m.deliveriesPerSec),
      line('server CPU ms / trigger', (m) => m.cpuMsPerTrigger),
      line('executions / trigger', (m) => m.perTrigger.executions),
      line('DB reads / trigger, mutation (auth, checks, write)', (m) => m.perTrigger.reads),
      line('DB reads / trigger, delivery', (m) => m.perTrigger.deliveryReads ?? 0),
      line('publishes / trigger, issueUpdated topic', (m) => m.perTrigger.topicPublishes ?? 0),
      line('publishes / trigger, all events', (m) => m.perTrigger.publishes),
      line('server: request → publish (ms, p50)', (m) => m.phasesMs?.publish ?? 0),
      line('server: request → fan-out start (ms, p50)', (m) => m.phasesMs?.fanoutStart ?? 0),
      line('server: request → last frame written (ms, p50)', (m) => m.phasesMs?.fanoutEnd ?? 0),
      line('server: request → response (ms, p50)', (m) => m.phasesMs?.response ?? 0),
      line('connect+subscribe p50 (ms)', (m) => m.connect.p50),
      line('connect+subscribe p99 (ms)', (m) => m.connect.p99),
      line('connect wall time (ms)', (m) => m.connect.wallMs),
      line('connect failed', (m) => m.connect.failed),
      line('RSS before (MB)', (m) => m.rssBeforeMb),
      line('RSS after connect (MB)', (m) => m.rssAfterMb),
      line('RSS KB / connection', (m) => m.kbPerConnection),
      line('JS heap KB / connection', (m) => m.heapKbPerConnection ?? 0),
      '',
    );
  }
  return out.join('\n');
}

/** Every target of the issue with its measured number and met/missed (or not measured). */
export function targets(r: RunResult): string {
  const find = (scenario: string, mode: Mode) =>
    r.measurements.find((m) => m.scenario === scenario && m.mode === mode);
  // [metric, target, measured, met?, does the floor (f) miss it too?]
  const rows: [string, string, string, boolean | undefined, boolean?][] = [];
  const lat = (scenario: string, p50: number, p99: number, label: string) => {
    const m = find(scenario, 'a');
    const f = find(scenario, 'f');
    const floor = f ? ` (floor (f): p50 ${f.latency.p50}, p99 ${f.latency.p99} ms)` : '';
    rows.push([
      label,
      `p50 ≤ ${p50} ms, p99 ≤ ${p99} ms`,
      m
        ? `p50 ${m.latency.p50} ms, p99 ${m.latency.p99} ms, lost ${m.lost}, ${m.connect.ok} connected / ${m.connect.failed} failed to connect in 30 s${floor}`
        : 'not run',
      m
        ? m.latency.p50 <= p50 && m.latency.p99 <= p99 && m.lost === 0 && m.connect.failed === 0
        : undefined,
      f ? f.latency.p50 > p50 || f.latency.p99 > p99 : undefined,
    ]);
  };
  lat('fanout-1k', 8, 20, 'trigger → push, 1k subscribers on one issue');
  lat('fanout-10k', 60, 150, 'trigger → push, 10k subscribers on one issue');
  const big = find('fanout-10k', 'a') ?? find('fanout-1k', 'a');
  rows.push([
    'per trigger, identical subscribers',
    '1 execution, ≤ 1 read, 1 publish',
    big
      ? `${big.perTrigger.executions} execution, ${big.perTrigger.deliveryReads ?? '?'} DB reads in the delivery, ${big.perTrigger.topicPublishes ?? '?'} publish on the issueUpdated topic (${big.subscribers} subscribers). Besides: the mutation itself makes ${big.perTrigger.reads} reads (token, project, issue, users, permissions, the write's reads) and announces ${big.perTrigger.publishes} events (issueUpdated + issuableAssigneesUpdated, as GitLab)`
      : 'not run',
    big
      ? big.perTrigger.executions <= 1 &&
        (big.perTrigger.deliveryReads ?? Infinity) <= 1 &&
        (big.perTrigger.topicPublishes ?? Infinity) <= 1
      : undefined,
  ]);
  const idle = ['fanout-1k', 'fanout-10k']
    .map((scenario) => find(scenario, 'a'))
    .filter((m): m is M => m !== undefined);
  rows.push([
    'memory per idle subscribed connection',
    '≤ 10 KB',
    idle.length
      ? idle
          .map(
            (m) =>
              `${m.kbPerConnection} KB RSS, ${m.heapKbPerConnection ?? '?'} KB JS heap at ${m.connect.ok} connections`,
          )
          .join('; ') +
        (idle.length > 1
          ? ' (verdict at the larger count: RSS at 1k moves by a few MB by itself)'
          : '')
      : 'not run',
    // The verdict is read at the most connections measured: at 1k, the few MB RSS moves by
    // itself (GC returning pages, allocator arenas) are several KB per connection either way.
    idle.length ? isLean(idle[idle.length - 1]) : undefined,
  ]);
  const sa = r.sustained.filter((s) => s.mode === 'a');
  const best = bestStep(sa);
  const floorBest = bestStep(r.sustained.filter((s) => s.mode === 'f'));
  const floorText = floorBest
    ? ` (floor (f): ${stepText(floorBest)})`
    : r.sustained.some((s) => s.mode === 'f')
      ? ' (floor (f): no passing step)'
      : '';
  rows.push([
    'sustained fan-out',
    '≥ 60,000 deliveries/s, p99 ≤ 250 ms, 0 lost',
    sa.length
      ? best
        ? `best passing step: ${stepText(best)}${floorText}`
        : `no passing step: the first (${sa[0]?.subscribers} subscribers, ${sa[0]?.ratePerSec}/s, ${sa[0]?.deliveriesPerSec} deliveries/s) had p99 ${sa[0]?.p99} ms, lost ${sa[0]?.lost}${floorText}`
      : 'not run',
    sa.length ? (best?.deliveriesPerSec ?? 0) >= 60_000 : undefined,
    r.sustained.some((s) => s.mode === 'f')
      ? (floorBest?.deliveriesPerSec ?? 0) < 60_000
      : undefined,
  ]);
  const q = r.initialQuery.find((x) => x.mode === 'a');
  const fq = r.initialQuery.find((x) => x.mode === 'f');
  rows.push([
    'initial sidebar query, 50 concurrent clients',
    'server p50 ≤ 5 ms, p99 ≤ 20 ms',
    q
      ? `server p50 ${q.serverP50 ?? '?'} ms, p99 ${q.serverP99 ?? '?'} ms (client-side incl. queueing behind 49 others: p50 ${q.p50}, p99 ${q.p99}); ${q.requests} requests, ${q.errors ?? 0} errors, anonymous${fq ? ` (floor (f), node:http answering with the issue serialized: server p50 ${fq.serverP50 ?? '?'}, p99 ${fq.serverP99 ?? '?'} ms, ${fq.requests} requests)` : ''}`
      : 'not run',
    q ? (q.serverP50 ?? Infinity) <= 5 && (q.serverP99 ?? Infinity) <= 20 && !q.errors : undefined,
    fq ? (fq.serverP50 ?? Infinity) > 5 || (fq.serverP99 ?? Infinity) > 20 : undefined,
  ]);
  const a10 = find('fanout-10k', 'a');
  const b10 = find('fanout-10k', 'b');
  rows.push([
    '(a) vs (b) at 10k subscribers',
    '(a) ≥ 10x faster at p99',
    a10 && b10 ? `b/a p99 = ${ratio(b10.latency.p99, a10.latency.p99)}` : 'not run',
    a10 && b10 ? b10.latency.p99 >= 10 * a10.latency.p99 : undefined,
  ]);
  const verdict = (v: boolean | undefined, floorMisses: boolean | undefined) =>
    v === undefined
      ? 'not measured'
      : v
        ? '**met**'
        : floorMisses
          ? '**missed**; the floor (f) misses it too: not reachable on this machine'
          : '**missed**';
  return [
    '| metric | target | measured | verdict |',
    '|---|---|---|---|',
    ...rows.map(([n, t, m, v, floor]) => `| ${n} | ${t} | ${m} | ${verdict(v, floor)} |`),
  ].join('\n');
}

const isLean = (m: M | undefined) =>
  m !== undefined && m.kbPerConnection <= 10 && (m.heapKbPerConnection ?? Infinity) <= 10;

type Step = RunResult['sustained'][number];
/** The passing step (p99 ≤ 250 ms, nothing lost) with the most deliveries/s, over all series. */
const bestStep = (steps: readonly Step[]): Step | undefined =>
  steps
    .filter((s) => s.p99 <= 250 && s.lost === 0)
    .reduce<Step | undefined>(
      (x, s) => (x && x.deliveriesPerSec >= s.deliveriesPerSec ? x : s),
      undefined,
    );
const stepText = (s: Step) =>
  `${s.deliveriesPerSec} deliveries/s (${s.subscribers} subscribers × ${s.ratePerSec}/s, p99 ${s.p99} ms)`;

/** The sustained steps, one row per step, series after series. */
export function sustainedTable(steps: readonly Step[]): string {
  return [
    '| server | subscribers | triggers/s | deliveries/s | p99 (ms) | lost | issueUpdated publishes / trigger |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...steps.map(
      (s) =>
        `| ${MODE_LABEL[s.mode]} | ${s.subscribers} | ${s.ratePerSec} | ${s.deliveriesPerSec} | ${s.p99} | ${s.lost} | ${s.publishesPerTrigger ?? '–'} |`,
    ),
  ].join('\n');
}

/** Latency percentiles vs subscribers (log-log), one colour per mode, p50 dashed, p99 solid. */
export function chart(ms: readonly M[]): string {
  const pts = ms.filter((m) => m.scenario.startsWith('fanout-') && m.mode !== 'redis');
  const W = 640,
    H = 400,
    L = 60,
    B = 50,
    T = 30,
    R = 150;
  const xs = [...new Set(pts.map((m) => m.subscribers))].sort((x, y) => x - y);
  const maxY = Math.max(10, ...pts.map((m) => m.latency.p99));
  const ly = (v: number) => Math.log10(Math.max(0.1, v));
  const y = (v: number) => T + (H - T - B) * (1 - (ly(v) - ly(0.5)) / (ly(maxY * 1.5) - ly(0.5)));
  const x = (s: number) =>
    L + (xs.length < 2 ? (W - L - R) / 2 : ((W - L - R) * xs.indexOf(s)) / (xs.length - 1));
  const colour: Record<string, string> = {
    a: '#1f77b4',
    b: '#d62728',
    c: '#2ca02c',
    f: '#7f7f7f',
  };
  const parts: string[] = [];
  for (const tick of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].filter(
    (t) => t <= maxY * 1.5,
  )) {
    parts.push(
      `<line x1="${L}" x2="${W - R}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/><text x="${L - 6}" y="${y(tick) + 4}" text-anchor="end" font-size="11">${tick}</text>`,
    );
  }
  xs.forEach((s) =>
    parts.push(
      `<text x="${x(s)}" y="${H - B + 18}" text-anchor="middle" font-size="11">${s}</text>`,
    ),
  );
  (['a', 'b', 'c', 'f'] as const).forEach((mode, i) => {
    for (const [key, dash] of [
      ['p50', '5,4'],
      ['p99', ''],
    ] as const) {
      const series = xs.flatMap((s) =>
        pts
          .filter((m) => m.mode === mode && m.subscribers === s)
          .map((m) => `${x(s)},${y(m.latency[key])}`),
      );
      if (series.length)
        parts.push(
          `<polyline fill="none" stroke="${colour[mode]}" stroke-width="2" stroke-dasharray="${dash}" points="${series.join(' ')}"/>`,
        );
    }
    parts.push(
      `<text x="${W - R + 10}" y="${T + 20 + i * 18}" font-size="12" fill="${colour[mode]}">${MODE_LABEL[mode]}</text>`,
    );
  });
  parts.push(`<text x="${W - R + 10}" y="${T + 100}" font-size="11">solid p99, dashed p50</text>`);
  parts.push(
    `<text x="${(W - R + L) / 2}" y="${H - 10}" text-anchor="middle" font-size="12">subscribers on one issue</text>`,
  );
  parts.push(
    `<text x="14" y="${H / 2}" transform="rotate(-90 14 ${H / 2})" text-anchor="middle" font-size="12">trigger → push latency (ms, log)</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif"><rect width="${W}" height="${H}" fill="white"/>${parts.join('')}</svg>\n`;
}
