/**
 * Before/after: a run's key figures, and a table of them across runs of the same command
 * (`--compare before.json[,more.json…]`), so RESULTS.md shows what each change bought. Old result
 * files lack some figures; those cells read '–'.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import type { M, RunResult, Snapshot } from './report.js';

/** Every figure a before/after table compares, in its order; undefined where not measured. */
function figureList(r: RunResult): [string, number | undefined][] {
  const out: [string, number | undefined][] = [];
  const put = (name: string, value: number | undefined) => void out.push([name, value]);
  const m = (scenario: string, mode: string): M | undefined =>
    r.measurements.find((x) => x.scenario === scenario && x.mode === mode);
  for (const [scenario, short] of [
    ['fanout-1k', '1k'],
    ['fanout-10k', '10k'],
    ['spread-10k-over-1000', 'spread'],
  ] as const) {
    put(`push ${short} p50 (ms)`, m(scenario, 'a')?.latency.p50);
    put(`push ${short} p99 (ms)`, m(scenario, 'a')?.latency.p99);
    put(`push ${short} lost`, m(scenario, 'a')?.lost);
  }
  const a1k = m('fanout-1k', 'a');
  put('request → publish p50, embedded (ms)', a1k?.phasesMs?.publish);
  put('request → publish p50, PostgreSQL (ms)', m('fanout-1k', 'pg')?.phasesMs?.publish);
  put('DB statements / mutation, embedded', a1k?.perTrigger.dbStatements);
  put('DB statements / mutation, PostgreSQL', m('fanout-1k', 'pg')?.perTrigger.dbStatements);
  put('repository reads / mutation', a1k?.perTrigger.reads);
  put('mutation round trip p50 at 1k (ms)', a1k?.mutation.p50);
  put('server CPU ms / trigger at 1k', a1k?.cpuMsPerTrigger);
  put('connect + subscribe p50 at 1k (ms)', a1k?.connect.p50);
  put('connect + subscribe p99 at 1k (ms)', a1k?.connect.p99);
  put('DB statements / connection at 1k', a1k?.dbStatementsPerConnection);
  put('storm: failed of 10,000', m('storm-10k', 'a')?.connect.failed);
  put('storm: connect p99 (ms)', m('storm-10k', 'a')?.connect.p99);
  const q = r.initialQuery.find((x) => x.mode === 'a');
  put('initial query server p50 (ms)', q?.serverP50);
  put('initial query server p99 (ms)', q?.serverP99);
  put('`npm start` at rest, fresh (MB)', r.memory?.fresh.idleMb);
  put('`npm start` at rest, existing (MB)', r.memory?.existing.idleMb);
  put('bench server before any connection, tree (MB)', a1k?.treeRssBeforeMb ?? a1k?.rssBeforeMb);
  put('RSS KB / connection at 10k', m('fanout-10k', 'a')?.kbPerConnection);
  const iso = r.isolation?.find((x) => x.mode === 'a');
  put('fan-out p99, quiet (ms)', iso?.quiet.latency.p99);
  put('fan-out p99, other issue at 40/s (ms)', iso?.busy.latency.p99);
  put('2 workers: push 1k p99 (ms)', m('fanout-1k', 'x2')?.latency.p99);
  put('2 workers: spread p99 (ms)', m('spread-10k-over-1000', 'x2')?.latency.p99);
  // Controls: the floor and graphql-ws do not change with the server; a shift here is the machine.
  put('control: floor push 1k p99 (ms)', m('fanout-1k', 'f')?.latency.p99);
  put('control: graphql-ws spread p99 (ms)', m('spread-10k-over-1000', 'c')?.latency.p99);
  return out;
}

/** The figures a before/after table compares, by name (lower is better for every one). */
export function keyFigures(r: RunResult): Record<string, number> {
  return Object.fromEntries(
    figureList(r).filter((e): e is [string, number] => e[1] !== undefined && Number.isFinite(e[1])),
  );
}

/** The key figures of a results file (bench/results/*.json), labelled by its `--label`. */
export function snapshotOf(file: string): Snapshot {
  const r = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
  return {
    label: r.label ?? basename(file, '.json'),
    command: r.command,
    startedAt: r.startedAt,
    figures: keyFigures(r),
  };
}

const change = (from: number | undefined, to: number | undefined) => {
  if (from === undefined || to === undefined) return '–';
  if (from === to) return '=';
  if (from === 0) return `+${to}`;
  const percent = Math.round(((to - from) / from) * 100);
  const factor = from / Math.max(to, 0.01);
  return `${percent > 0 ? '+' : ''}${percent}%${factor >= 1.5 ? ` (${factor.toFixed(1)}× lower)` : ''}`;
};

/** The before/after table: a column per earlier run, this run, then the change first → this. */
export function compareTable(r: RunResult): string {
  const before = r.before ?? [];
  const now: Snapshot = {
    label: r.label ?? 'this run',
    command: r.command,
    startedAt: r.startedAt,
    figures: keyFigures(r),
  };
  const runs = [...before, now];
  // This bench's order; figures only older result files have go last.
  const order = figureList(r).map(([name]) => name);
  const names = [...new Set([...order, ...runs.flatMap((s) => Object.keys(s.figures))])].filter(
    (name) => runs.some((s) => s.figures[name] !== undefined),
  );
  const first = before[0];
  const commands = new Set(
    runs.map((s) => s.command.replace(/ --(label|compare) \S+/g, '').replace(/ --$/, '')),
  );
  return [
    ...runs.map((s) => `- **${s.label}**: \`${s.command}\`, started ${s.startedAt}`),
    ...(commands.size > 1
      ? ['', '**The commands differ**: compare only the figures both runs measured alike.']
      : []),
    '',
    `| figure (lower is better) | ${runs.map((s) => s.label).join(' | ')} | change |`,
    `|---|${runs.map(() => '---:').join('|')}|---:|`,
    ...names.map(
      (name) =>
        `| ${name} | ${runs.map((s) => s.figures[name] ?? '–').join(' | ')} | ${change(first?.figures[name], now.figures[name])} |`,
    ),
  ].join('\n');
}
