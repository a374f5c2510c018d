/** The run's result type, its side-by-side tables and the SVG chart. */
import type { IsolationResult } from './isolation.js';
import type { MemoryResult } from './memory.js';
import type { ProfileSummary } from './profile-summary.js';
import { MODE_LABEL, type Mode } from './servers.js';
import type { Measurement } from './scenarios.js';

/** A run's key figures, kept to render a before/after table (bench/lib/compare.ts). */
export interface Snapshot {
  label: string;
  command: string;
  startedAt: string;
  figures: Record<string, number>;
}

export interface RunResult {
  command: string;
  /** `--label`: what this run measures (e.g. before, after, the commit). */
  label?: string;
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
  /** `npm start` at rest, fresh and existing data directory (bench/lib/memory.ts). */
  memory?: MemoryResult;
  /** Fan-out on one issue, quiet and while another issue takes mutations (bench/lib/isolation.ts). */
  isolation?: IsolationResult[];
  /** `--cpu-prof`: where (a)'s time went in each scenario's trigger window. */
  profiles?: ProfileSummary[];
  /** Scenarios (or servers) that failed: the run went on without them. */
  failures?: { scenario: string; mode?: string; error: string }[];
  /** Seconds each scenario took (servers started once, before the first but memory). */
  durations?: Record<string, number>;
  /** `--compare`: earlier runs of the same command, rendered before this one. */
  before?: Snapshot[];
}

export type M = RunResult['measurements'][number];
export const ratio = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(1)}x` : '–');

/**
 * One side-by-side table per scenario: a row per metric, a column per mode, then ratios: b/a,
 * c/a, pg/a, x2/a (each beside the shipped server) and a/f (how far (a) is above the floor).
 */
export function sideBySide(ms: readonly M[]): string {
  const out: string[] = [];
  for (const scenario of [...new Set(ms.map((m) => m.scenario))]) {
    const rows = ms.filter((m) => m.scenario === scenario);
    const a = rows.find((m) => m.mode === 'a');
    const ratios = a
      ? [
          ...rows
            .filter((m) => m.mode !== 'a' && m.mode !== 'f')
            .map((m) => ({ name: `${m.mode}/a`, x: m, y: a })),
          ...rows.filter((m) => m.mode === 'f').map((m) => ({ name: 'a/f', x: a, y: m })),
        ]
      : [];
    const head = [...rows.map((m) => MODE_LABEL[m.mode]), ...ratios.map((r) => r.name)];
    const line = (name: string, f: (m: M) => number | undefined) =>
      `| ${name} | ${rows.map((m) => `${f(m) ?? '–'}`).join(' | ')} |${ratios
        .map((r) => {
          const [x, y] = [f(r.x), f(r.y)];
          return ` ${x === undefined || y === undefined ? '–' : ratio(x, y)} |`;
        })
        .join('')}`;
    /** A server-side probe: '–' for servers that do not report it. */
    const probe = (name: string, f: (m: M) => number | undefined) =>
      line(name, (m) => (m.probed === false ? undefined : f(m)));
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
      line('server CPU ms / trigger (process tree)', (m) => m.cpuMsPerTrigger),
      probe('executions / trigger', (m) => m.perTrigger.executions),
      probe('DB statements / trigger, mutation (round trips)', (m) => m.perTrigger.dbStatements),
      probe('DB statements / trigger, delivery', (m) => m.perTrigger.deliveryDbStatements),
      probe(
        'of the mutation’s, credential reads (cached, once per credential per 10 s)',
        (m) => m.perTrigger.credentialDbStatements,
      ),
      probe('repository reads / trigger, mutation', (m) => m.perTrigger.reads),
      probe('repository reads / trigger, delivery', (m) => m.perTrigger.deliveryReads ?? 0),
      probe('publishes / trigger, issueUpdated topic', (m) => m.perTrigger.topicPublishes ?? 0),
      probe('publishes / trigger, all events', (m) => m.perTrigger.publishes),
      probe('server: request → publish (ms, p50)', (m) => m.phasesMs?.publish ?? 0),
      probe('server: request → fan-out start (ms, p50)', (m) => m.phasesMs?.fanoutStart ?? 0),
      probe('server: request → last frame written (ms, p50)', (m) => m.phasesMs?.fanoutEnd ?? 0),
      probe('server: request → response (ms, p50)', (m) => m.phasesMs?.response ?? 0),
      line('connect+subscribe p50 (ms)', (m) => m.connect.p50),
      line('connect+subscribe p99 (ms)', (m) => m.connect.p99),
      line('connect wall time (ms)', (m) => m.connect.wallMs),
      line('connect failed', (m) => m.connect.failed),
      probe('DB statements / connection (connect + subscribe)', (m) => m.dbStatementsPerConnection),
      line('RSS before, process tree (MB)', (m) => m.treeRssBeforeMb),
      line('RSS before, socket process(es) (MB)', (m) => m.rssBeforeMb),
      line('RSS after connect, socket process(es) (MB)', (m) => m.rssAfterMb),
      line('RSS KB / connection', (m) => m.kbPerConnection),
      probe('JS heap KB / connection', (m) => m.heapKbPerConnection ?? 0),
      '',
    );
  }
  return out.join('\n');
}

type Step = RunResult['sustained'][number];

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
  const pts = ms.filter((m) => m.scenario.startsWith('fanout-') && 'abcf'.includes(m.mode));
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
