/**
 * `npm run bench [-- --quick]`: starts (a) the shipped server, (b) the same with grouping off,
 * (c) the graphql-ws baseline, (f) the floor (raw `ws`, no GraphQL/DB) and, in the full run, a
 * Redis-backed (a); runs each scenario on them in alternating order, prints side-by-side tables
 * and writes bench/results/ and bench/RESULTS.md. Everything listens on 127.0.0.1 and is stopped
 * on exit. `--only <scenario>` adds one scenario to the last run, `--modes a,f` limits the
 * servers, `--cpu-prof` writes profiles, `--render` only rewrites RESULTS.md from the last run.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import { summarize } from './lib/fleet.js';
import { sideBySide, sustainedTable, type RunResult } from './lib/report.js';
import { targets } from './lib/targets.js';
import { currentLoad, LATEST, writeResultFiles } from './lib/results-file.js';
import { connectLoad, fire, initialQuery, type Load, type Measurement } from './lib/scenarios.js';
import { startRedis, startServer, type Mode, type ServerProc } from './lib/servers.js';

// `--render`: writes RESULTS.md again from the last run's JSON (after a change to the report).
if (process.argv.includes('--render')) {
  const last = JSON.parse(readFileSync(LATEST, 'utf8')) as RunResult;
  writeResultFiles(last, last.loadAtEnd ?? '?');
  console.log(targets(last));
  process.exit(0);
}

const quick = process.argv.includes('--quick');
const only = process.argv[process.argv.indexOf('--only') + 1];
const pick = (name: string) => !process.argv.includes('--only') || only === name;
const rounds = process.argv.includes('--only') ? 1 : 2;
/** `--modes a,c` limits the servers started (for profiling one of them). */
const onlyModes = process.argv.includes('--modes')
  ? (process.argv[process.argv.indexOf('--modes') + 1] ?? '').split(',')
  : undefined;
/** `--cpu-prof`: servers write V8 CPU profiles to bench/results/prof/ when they stop. */
const cpuProf = process.argv.includes('--cpu-prof');
const hardStop = setTimeout(
  () => {
    console.error('bench: hard time limit reached, stopping');
    process.exit(3);
  },
  (quick ? 5 : 45) * 60_000,
);
hardStop.unref();

const needsRedis =
  !quick && (!process.argv.includes('--only') || only?.startsWith('redis') === true);
const redis = needsRedis ? await startRedis() : undefined;
const issues = quick || (process.argv.includes('--only') && only !== 'spread') ? 20 : 1001;
const modes = (['a', 'b', 'c', 'f', ...(redis ? ['redis'] : [])] as Mode[]).filter(
  (mode) => !onlyModes || onlyModes.includes(mode),
);
const servers = new Map<Mode, ServerProc>();
const stopAll = async () => {
  await Promise.all([...servers.values()].map((s) => s.stop()));
  await redis?.stop();
};
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));

// `--only <scenario>` adds to the previous run's results instead of replacing them.
const previous =
  process.argv.includes('--only') && existsSync(LATEST)
    ? (JSON.parse(readFileSync(LATEST, 'utf8')) as RunResult)
    : undefined;
// Sustained steps written before the series had a mode and a size were all (a) at 10k.
if (previous)
  previous.sustained = previous.sustained.map((s) => ({
    ...s,
    mode: s.mode ?? 'a',
    subscribers: s.subscribers ?? 10_000,
  }));

const result: RunResult = {
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: {
    loadAtStart: currentLoad(),
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB (free -g: ${execSync('free -g | sed -n 2p').toString().trim().replace(/\s+/g, ' ')})`,
    node: process.version,
  },
  startedAt: new Date().toISOString(),
  measurements: [],
  sustained: [],
  initialQuery: [],
};

/** Runs `scenario` on every mode, `rounds` times in alternating order, merging the rounds. */
async function sideBySideRun(
  scenario: string,
  load: Load,
  triggers: number,
  rate: number,
  on: Mode[],
) {
  const merged = new Map<Mode, Measurement>();
  for (let round = 0; round < rounds; round += 1) {
    for (const mode of round % 2 === 0 ? on : [...on].reverse()) {
      const server = servers.get(mode);
      if (!server) continue;
      let m: Measurement;
      try {
        const conn = await connectLoad(server, load);
        m = await fire(server, conn, scenario, load, triggers, rate).finally(() =>
          conn.fleet.close(),
        );
      } catch (error) {
        // One starved round must not end the whole run: report it and go on.
        console.error(`  ${scenario} ${mode} round ${round + 1} failed: ${String(error)}`);
        continue;
      }
      const prev = merged.get(mode);
      if (prev) {
        m.latencies = [...prev.latencies, ...m.latencies];
        m.latency = summarize(m.latencies);
        m.expected += prev.expected;
        m.delivered += prev.delivered;
        m.lost += prev.lost;
        m.wrong += prev.wrong;
        m.closed += prev.closed;
        m.triggers += prev.triggers;
      }
      merged.set(mode, m);
      console.error(
        `  ${scenario} ${mode} round ${round + 1}: p50 ${m.latency.p50} p99 ${m.latency.p99} lost ${m.lost}`,
      );
    }
  }
  for (const m of merged.values()) {
    const { latencies: _l, ...rest } = m;
    result.measurements.push(rest);
  }
  writeResults(false);
}

/**
 * Steps `mode` through `rates` (triggers/s, 5 s each) with `subscribers` on one issue, stopping at
 * the first step with p99 > 250 ms or anything lost.
 */
async function sustainedSeries(
  mode: Mode,
  subscribers: number,
  connectRate: number,
  rates: number[],
) {
  const server = servers.get(mode);
  if (!server) return;
  const load: Load = { subscribers, issues: 1, connectRate, workers: 2 };
  const conn = await connectLoad(server, load);
  try {
    for (const rate of rates) {
      const m = await fire(server, conn, 'sustained', load, rate * 5, rate);
      result.sustained.push({
        mode,
        subscribers: m.connect.ok,
        ratePerSec: rate,
        deliveriesPerSec: m.deliveriesPerSec,
        p99: m.latency.p99,
        lost: m.lost,
        publishesPerTrigger: m.perTrigger.topicPublishes,
      });
      console.error(
        `  sustained ${mode} ${subscribers} ${rate}/s: ${m.deliveriesPerSec} deliveries/s p99 ${m.latency.p99} lost ${m.lost} (wrong ${m.wrong}, closed ${m.closed}, issueUpdated publishes/trigger ${m.perTrigger.topicPublishes})`,
      );
      writeResults(false);
      if (m.latency.p99 > 250 || m.lost > 0) break;
    }
  } finally {
    await conn.fleet.close();
  }
}

try {
  const started = await Promise.all(
    modes.map((mode) => startServer(mode, { issues, redisUrl: redis?.url, cpuProf })),
  );
  for (const s of started) servers.set(s.mode, s);
  const abcf: Mode[] = ['a', 'b', 'c', 'f'];
  const one = (subscribers: number, connectRate: number): Load => ({
    subscribers,
    issues: 1,
    connectRate,
    workers: 2,
  });

  if (pick('fanout-1k'))
    await sideBySideRun('fanout-1k', one(1000, 1000), quick ? 20 : 40, 10, abcf);
  for (const mode of pick('query') ? (['a', 'c', 'f'] as const) : []) {
    const server = servers.get(mode);
    if (server)
      result.initialQuery.push({
        mode,
        ...(await initialQuery(server, 50, quick ? 3000 : 10_000)),
      });
    writeResults(false);
  }
  if (!quick) {
    if (pick('fanout-10k')) await sideBySideRun('fanout-10k', one(10_000, 400), 10, 2, abcf);
    if (pick('spread'))
      await sideBySideRun(
        'spread-10k-over-1000',
        { subscribers: 10_000, issues: 1000, connectRate: 400, workers: 2 },
        400,
        40,
        abcf,
      );
    if (pick('storm-10k'))
      await sideBySideRun('storm-10k', one(10_000, 10_000), 4, 1, ['a', 'c', 'f']);
    if (pick('redis-fanout-1k'))
      await sideBySideRun('redis-fanout-1k', one(1000, 1000), 40, 10, ['a', 'redis']);
    if (pick('redis-fanout-10k'))
      await sideBySideRun('redis-fanout-10k', one(10_000, 400), 10, 2, ['a', 'redis']);
    if (pick('sustained')) {
      // 1k subscribers: where (a) and the floor stop keeping p99 ≤ 250 ms as the rate grows.
      for (const mode of ['a', 'f'] as const)
        await sustainedSeries(mode, 1000, 1000, [5, 10, 20, 30, 40, 60, 80]);
      await sustainedSeries('a', 10_000, 400, [1, 2, 4, 6, 8, 10, 12, 16, 20]);
    }
  }
} finally {
  await stopAll();
}

writeResults(true);
process.exit(0);

/**
 * Writes bench/results/ and bench/RESULTS.md; called after every scenario so a run stopped by
 * the hard time limit still leaves what it measured (`final` prints the tables).
 */
function writeResults(final: boolean): void {
  const out: RunResult = { ...result, measurements: [...result.measurements] };
  if (previous) {
    const prev = previous;
    const fresh = new Set(out.measurements.map((m) => m.scenario));
    out.measurements = [
      ...prev.measurements.filter((m) => !fresh.has(m.scenario)),
      ...out.measurements,
    ];
    if (!out.sustained.length) out.sustained = prev.sustained;
    if (!out.initialQuery.length) out.initialQuery = prev.initialQuery;
    out.command = `${prev.command}, then ${out.command}`;
  }
  const stamp = writeResultFiles(out);
  if (final) {
    const sustained = out.sustained.length ? `${sustainedTable(out.sustained)}\n\n` : '';
    console.log(`\n${sideBySide(out.measurements)}\n${sustained}${targets(out)}\n`);
    console.log(`wrote bench/results/${stamp}.{json,md}, bench/RESULTS.md, bench/latency.svg`);
  }
}
