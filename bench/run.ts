/**
 * `npm run bench [-- options]`: measures every target of issue #19 and writes bench/RESULTS.md
 * (targets with verdicts first), bench/latency.svg and bench/results/<time>.{json,md}.
 *
 * Servers: (a) shipped, (b) grouping off, (c) the graphql-ws baseline, (f) the floor (raw `ws`, no
 * GraphQL/DB), pg = (a) on PostgreSQL + Redis, x2 = the unchanged entry point with
 * WEB_CONCURRENCY=2 on PostgreSQL + Redis. The harness starts its own PostgreSQL cluster and
 * redis-server (Debian's packages, free ports); everything listens on 127.0.0.1 and is stopped on
 * exit. Scenarios, in order: memory (`npm start` at rest, fresh and existing data directory),
 * fanout-1k, query (initial query, 50 concurrent), isolation (the database never blocks the
 * sockets), fanout-10k, spread (10k over 1,000 issues, 40/s), storm-10k (10,000 connects at once),
 * sustained. A scenario or server that fails is recorded in RESULTS.md and the run goes on.
 *
 *   --quick            memory, fanout-1k, query, isolation, shorter (about 5 minutes; full: about 35)
 *   --only a,b         only these scenarios, merged into the last run's results
 *   --modes a,f        only these servers
 *   --cpu-prof         CPU profiles of the trigger windows (bench/results/prof/); RESULTS.md gets
 *                      a top-N self-time summary of (a)'s per scenario. With --only, only the
 *                      profiles are added to the last run (profiling slows the server)
 *   --label NAME       names the run; also written as bench/results/NAME.json
 *   --compare F[,G]    earlier results files of the same command: RESULTS.md gets a before/after
 *                      table (F, G, …, this run)
 *   --render           rewrites RESULTS.md from bench/results/latest.json (with --compare/--label)
 *
 * Before/after of a change: run the same command at both commits (at the old one with this
 * bench/ copied over it), e.g. `npm run bench -- --label before` there, then here
 * `npm run bench -- --label after --compare <old checkout>/bench/results/before.json`.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import { snapshotOf } from './lib/compare.js';
import { initialQuery } from './lib/initial-query.js';
import { isolation } from './lib/isolation.js';
import { idleMemory } from './lib/memory.js';
import { parseOptions, QUICK, SCENARIOS, type Scenario } from './lib/options.js';
import { sideBySide, sustainedTable, type RunResult } from './lib/report.js';
import { currentLoad, LATEST, mergeInto, writeResultFiles } from './lib/results-file.js';
import { recordFailure, sideBySideRun, sustainedSeries, type RunContext } from './lib/runner.js';
import { startServer, type Mode, type ServerProc } from './lib/servers.js';
import { startServices, type Services } from './lib/services.js';
import { targets } from './lib/targets.js';

const options = parseOptions(process.argv.slice(2));
const before = options.compare.map(snapshotOf);
const readLatest = () => JSON.parse(readFileSync(LATEST, 'utf8')) as RunResult;

if (options.render) {
  const last = readLatest();
  if (before.length) last.before = before;
  if (options.label) last.label = options.label;
  writeResultFiles(last, last.loadAtEnd ?? '?');
  console.log(targets(last));
  process.exit(0);
}

const { quick } = options;
const selected: readonly Scenario[] = options.only ?? (quick ? QUICK : SCENARIOS);
const pick = (s: Scenario) => selected.includes(s);
const allowed = (modes: readonly Mode[]) =>
  modes.filter((m) => !options.modes || options.modes.includes(m));
const rounds = options.only ? 1 : 2;
const hardStop = setTimeout(
  () => {
    console.error('bench: hard time limit reached, stopping');
    process.exit(3);
  },
  (quick ? 12 : 55) * 60_000,
);
hardStop.unref();
if (options.cpuProf) {
  process.env.BENCH_PROFILE_DIR = new URL('results/prof', import.meta.url).pathname;
  mkdirSync(process.env.BENCH_PROFILE_DIR, { recursive: true });
}

// Which servers each scenario runs on: [every round, first round only].
const plan: Partial<Record<Scenario, [Mode[], Mode[]]>> = {
  'fanout-1k': [['a', 'b', 'c', 'f', 'pg'], quick ? [] : ['x2']],
  query: [['a', 'c', 'f', 'pg'], quick ? [] : ['x2']],
  isolation: [['a', 'f', 'pg'], []],
  'fanout-10k': [
    ['a', 'c', 'f'],
    ['pg', 'x2'],
  ],
  spread: [
    ['a', 'c', 'f'],
    ['pg', 'x2'],
  ],
  'storm-10k': [
    ['a', 'c', 'f'],
    ['pg', 'x2'],
  ],
  sustained: [['a', 'f'], []],
};
const modes = allowed([
  ...new Set(selected.flatMap((s) => (plan[s] ? [...plan[s][0], ...plan[s][1]] : []))),
]);
const issues = pick('spread') ? 1001 : 20;

const result: RunResult = {
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  ...(options.label ? { label: options.label } : {}),
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
  ...(before.length ? { before } : {}),
};
// `--only` adds to the previous run's results instead of replacing them.
const previous = options.only && existsSync(LATEST) ? readLatest() : undefined;

const servers = new Map<Mode, ServerProc>();
let services: Services | undefined;
const stopAll = async () => {
  await Promise.allSettled([...servers.values()].map((s) => s.stop()));
  await services?.stop();
};
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));
const ctx: RunContext = {
  servers,
  result,
  save: () => writeResults(false),
  cpuProf: options.cpuProf,
};

/** Runs one scenario; a failure is recorded and the run goes on. */
async function scenario(name: Scenario, body: () => Promise<void>): Promise<void> {
  if (!pick(name)) return;
  console.error(`${name}…`);
  const started = Date.now();
  try {
    await body();
  } catch (error) {
    recordFailure(ctx, name, error);
  }
  (result.durations ??= {})[name] = Math.round((Date.now() - started) / 1000);
  writeResults(false);
}

try {
  // First, on a machine where no bench server runs yet.
  await scenario('memory', async () => void (result.memory = await idleMemory()));
  if (modes.includes('pg') || modes.includes('x2'))
    services = await startServices().catch((error: unknown) => {
      recordFailure(ctx, 'PostgreSQL + Redis for pg, x2', error);
      return undefined;
    });
  const starting = Date.now();
  const started = await Promise.allSettled(
    modes.map(async (mode) => {
      const shared = mode === 'pg' || mode === 'x2';
      if (shared && !services) throw new Error('no PostgreSQL + Redis');
      const databaseUrl = shared ? await services?.createDatabase(`bench_${mode}`) : undefined;
      return startServer(mode, { issues, databaseUrl, redisUrl: services?.redisUrl });
    }),
  );
  started.forEach((s, i) => {
    if (s.status === 'fulfilled') servers.set(s.value.mode, s.value);
    else recordFailure(ctx, 'server start', s.reason, modes[i]);
  });
  (result.durations ??= {})['servers start'] = Math.round((Date.now() - starting) / 1000);
  const one = (subscribers: number, connectRate: number) => ({
    subscribers,
    issues: 1,
    connectRate,
    workers: 2,
  });
  const side = (name: Scenario, spec: Parameters<typeof sideBySideRun>[1]) =>
    scenario(name, async () => {
      const [every = [], once = []] = plan[name] ?? [];
      await sideBySideRun(ctx, spec, allowed(every), rounds, allowed(once));
    });

  await side('fanout-1k', {
    scenario: 'fanout-1k',
    load: one(1000, 1000),
    triggers: quick ? 20 : 40,
    rate: 10,
  });
  await scenario('query', async () => {
    for (const mode of allowed(plan.query?.flat() ?? [])) {
      const server = servers.get(mode);
      if (!server) continue;
      try {
        result.initialQuery.push({
          mode,
          ...(await initialQuery(server, 50, quick ? 3000 : 10_000)),
        });
      } catch (error) {
        recordFailure(ctx, 'query', error, mode);
      }
    }
  });
  await scenario('isolation', async () => {
    for (const mode of allowed(plan.isolation?.[0] ?? [])) {
      const server = servers.get(mode);
      if (!server) continue;
      const opts = { subscribers: 1000, triggers: quick ? 20 : 40, rate: 10, background: 40 };
      try {
        (result.isolation ??= []).push(await isolation(server, { ...opts, rounds }));
      } catch (error) {
        recordFailure(ctx, 'isolation', error, mode);
      }
    }
  });
  await side('fanout-10k', {
    scenario: 'fanout-10k',
    load: one(10_000, 400),
    triggers: 10,
    rate: 2,
  });
  await side('spread', {
    scenario: 'spread-10k-over-1000',
    load: { subscribers: 10_000, issues: 1000, connectRate: 400, workers: 2 },
    triggers: 400,
    rate: 40,
  });
  // "At once": every client is opened in the same tick of its worker.
  await side('storm-10k', { scenario: 'storm-10k', load: one(10_000, 1e9), triggers: 4, rate: 1 });
  await scenario('sustained', async () => {
    // 1k subscribers: where (a) and the floor stop keeping p99 ≤ 250 ms as the rate grows.
    for (const mode of allowed(['a', 'f']))
      await sustainedSeries(ctx, mode, 1000, 1000, [5, 10, 20, 30, 40, 60, 80]);
    if (allowed(['a']).length)
      await sustainedSeries(ctx, 'a', 10_000, 400, [1, 2, 4, 6, 8, 10, 12, 16, 20]);
  });
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
  const out = previous ? mergeInto(previous, result, selected, options.cpuProf) : result;
  const stamp = writeResultFiles(out);
  if (final) {
    const sustained = out.sustained.length ? `${sustainedTable(out.sustained)}\n\n` : '';
    console.log(`\n${sideBySide(out.measurements)}\n${sustained}${targets(out)}\n`);
    console.log(`wrote bench/results/${stamp}.{json,md}, bench/RESULTS.md, bench/latency.svg`);
  }
}
