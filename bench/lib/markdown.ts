/** RESULTS.md of a run: the targets first, then every table the verdicts were read from. */
import { compareTable } from './compare.js';
import type { IsolationResult } from './isolation.js';
import type { IdleMemory } from './memory.js';
import { profileMarkdown } from './profile-summary.js';
import { sideBySide, sustainedTable, type RunResult } from './report.js';
import { MODE_LABEL } from './servers.js';
import { targets } from './targets.js';

const READING = `## How to read this

- **(a)** is the server as shipped (\`bench/server-entry.ts\`: the real server plus counters read
  over IPC). **(b)** is the same with grouping off: one execution per subscriber, GitLab's design.
  **(c)** is what a Node team would pick instead: \`graphql-ws\` with \`graphql-subscriptions\`'
  PubSub and the data in memory. **pg** is (a) on a real PostgreSQL and Redis, one process; **x2**
  is the unchanged entry point (\`server/src/main.ts\`) with \`WEB_CONCURRENCY=2\` on its own
  PostgreSQL database and Redis channels. The harness starts that PostgreSQL cluster and
  redis-server itself, on free ports. x2 reports no server-side probes ('–').
- **(f) is the floor.** It is a \`ws\` server that speaks just enough Action Cable for the same load
  generator and writes one frame, serialized once, of the same size as (a)'s, to every subscriber.
  It has no GraphQL and no database. Nothing that sends one WebSocket frame per subscriber from one
  process on this machine can be faster than (f). A target that (f) misses too is marked so: it is
  not reachable here, whatever the server does, and \`a/f\` says how far (a) is above the floor.
  Relative targets (floor + 3 ms, 1.2 × floor, 2 × graphql-ws) use the other server's figure from
  the same run.
- Push latency is measured from just before the mutation is sent to the frame's arrival in the
  load generator, which runs on the same two cores. The generator parses every frame and checks
  its assignees. *request → publish* is inside the server: the mutation's request arriving → the
  issueUpdated event published (its database work, on the embedded database or PostgreSQL).
- *DB statements / mutation* counts every statement the server process sends to its database
  (node-postgres queries, or in-process PGlite statements with BEGIN and COMMIT), each one a round
  trip, divided by the triggers; *repository reads* counts calls of the repository's read methods.
- *\`npm start\` at rest* is the built server (\`dist/server/main.js\`) started as \`npm start\` starts
  it, first on a missing data directory, then again on the one it left; RSS is summed over its
  process tree once the total settled (5 s within 2 MB). Memory per connection is read on the
  process(es) holding the sockets, after a full GC, at the largest count measured.
- *The database never blocks the sockets*: the same 1,000 subscribers on issue A, pushes measured
  quiet and while issue B (no subscribers) takes an open-loop stream of mutations, rounds
  alternated. The floor shows what the extra HTTP requests alone cost on these two cores.
- Browser latency (commit → DOM in a real Chromium) is measured by the e2e suite:
  \`npm run test:e2e -- --grep @latency\` writes \`test-results/latency.json\`.`;

function memoryTable(m: NonNullable<RunResult['memory']>): string {
  const row = (name: string, x: IdleMemory) =>
    `| ${name} | ${x.startMs} | ${x.peakMb} | ${x.idleMb} | ${x.idlePssMb} | ${x.settledAfterS} | ${x.processes.map((p) => `\`${p.command}\` ${p.mb} MB`).join('; ')} |`;
  return [
    '| data directory | ready after (ms) | peak RSS while starting (MB) | RSS at rest (MB) | PSS at rest (MB) | settled after (s) | processes at rest |',
    '|---|---:|---:|---:|---:|---:|---|',
    row('fresh (first start)', m.fresh),
    row('existing (second start)', m.existing),
  ].join('\n');
}

function isolationTable(rows: readonly IsolationResult[]): string {
  return [
    '| server | subscribers on A | triggers on A | quiet p50 / p99 (ms) | busy p50 / p99 (ms) | lost | B: mutations/s, sent, failed | B: round trip p50 / p99 (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (x) =>
        `| ${MODE_LABEL[x.mode]} | ${x.subscribers} | 2 × ${x.triggers} at ${x.ratePerSec}/s | ${x.quiet.latency.p50} / ${x.quiet.latency.p99} | ${x.busy.latency.p50} / ${x.busy.latency.p99} | ${x.quiet.lost + x.busy.lost} | ${x.backgroundPerSec}, ${x.background.sent}, ${x.background.failed} | ${x.background.roundTrip.p50} / ${x.background.roundTrip.p99} |`,
    ),
  ].join('\n');
}

/** The whole RESULTS.md of a run. */
export function renderMarkdown(out: RunResult, loadAtEnd: string): string {
  const queries = [
    '| server | requests | errors | client p50 (ms) | client p99 (ms) | server p50 (ms) | server p99 (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...out.initialQuery.map(
      (q) =>
        `| ${MODE_LABEL[q.mode]} | ${q.requests} | ${q.errors ?? 0} | ${q.p50} | ${q.p99} | ${q.serverP50 ?? '–'} | ${q.serverP99 ?? '–'} |`,
    ),
  ].join('\n');
  const section = (title: string, body: string | undefined) =>
    body ? [`## ${title}`, '', body, ''] : [];
  return [
    `# Benchmark results${out.label ? `: ${out.label}` : ''}`,
    '',
    `Command: \`${out.command}\` — started ${out.startedAt}`,
    `Machine: ${out.machine.cores} cores, ${out.machine.memory}, Node ${out.machine.node}; load generator on the same machine. Load average (1/5/15 min) at start: ${out.machine.loadAtStart ?? '?'}, at the end: ${loadAtEnd} (other work shares the 2 cores: compare ratios, not absolutes).`,
    ...(out.durations
      ? [
          `Scenarios took (s): ${Object.entries(out.durations)
            .map(([name, s]) => `${name} ${s}`)
            .join(', ')}.`,
        ]
      : []),
    '',
    ...section('Targets (issue #19)', targets(out)),
    ...section(
      'Failures (the run went on without them)',
      out.failures?.length
        ? out.failures
            .map((f) => `- ${f.scenario}${f.mode ? ` (${f.mode})` : ''}: ${f.error}`)
            .join('\n')
        : undefined,
    ),
    ...section(
      'What each change bought (before/after, same command)',
      out.before?.length ? compareTable(out) : undefined,
    ),
    READING,
    '',
    ...section('`npm start` at rest', out.memory ? memoryTable(out.memory) : undefined),
    ...section(
      'The database never blocks the sockets: pushes on issue A, quiet and while issue B takes mutations',
      out.isolation?.length ? isolationTable(out.isolation) : undefined,
    ),
    '## Side by side (rounds merged, order alternated)',
    '',
    sideBySide(out.measurements),
    ...section(
      'Sustained fan-out on one issue, 5 s per step (each series stops at its first step with p99 > 250 ms or anything lost)',
      out.sustained.length ? sustainedTable(out.sustained) : '(full run only)',
    ),
    ...section(
      'Initial sidebar query, 50 concurrent HTTP clients (closed loop; server = request arrival → response finished)',
      queries,
    ),
    ...section(
      "Where (a)'s time goes: CPU profiles of the trigger windows (`--cpu-prof`, self time)",
      out.profiles?.length ? out.profiles.map(profileMarkdown).join('\n') : undefined,
    ),
    '![latency vs subscribers](latency.svg)',
    '',
  ].join('\n');
}
