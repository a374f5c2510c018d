/**
 * bench/RESULTS.md and bench/results/: the Markdown of a run and where it is written. Rendered
 * from the run's JSON, so `npm run bench -- --render` can redo the Markdown of the last run
 * (bench/results/latest.json) after a change to the report, without measuring again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

import { chart, sideBySide, sustainedTable, type RunResult } from './report.js';
import { targets } from './targets.js';

export const LATEST = new URL('../results/latest.json', import.meta.url);

const READING = `## How to read this

- **(a)** is the server as shipped. **(b)** is the same server with grouping off: one execution
  per subscriber, GitLab's design. **(c)** is what a Node team would pick instead: \`graphql-ws\` with
  \`graphql-subscriptions\`' PubSub and the data in memory.
- **(f) is the floor.** It is a \`ws\` server that speaks just enough Action Cable for the same load
  generator and writes one frame, serialized once, of the same size as (a)'s, to every subscriber.
  It has no GraphQL and no database. Nothing that sends one WebSocket frame per subscriber from one
  process on this machine can be faster than (f). A target that (f) misses too is marked so: it is
  not reachable here, whatever the server does, and \`a/f\` says how far (a) is above the floor.
- Latency is measured from just before the mutation is sent to the frame's arrival in the load
  generator, which runs on the same two cores. The generator parses every frame and checks its
  assignees.
- Browser latency (commit → DOM in a real Chromium) is measured by the e2e suite:
  \`npm run test:e2e -- --grep @latency\` writes \`test-results/latency.json\`.`;

/** The whole RESULTS.md of a run. */
export function renderMarkdown(out: RunResult, loadAtEnd: string): string {
  const sustained = out.sustained.length ? sustainedTable(out.sustained) : '(full run only)';
  const queries = [
    '| server | requests | errors | client p50 (ms) | client p99 (ms) | server p50 (ms) | server p99 (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...out.initialQuery.map(
      (q) =>
        `| ${q.mode} | ${q.requests} | ${q.errors ?? 0} | ${q.p50} | ${q.p99} | ${q.serverP50 ?? '–'} | ${q.serverP99 ?? '–'} |`,
    ),
  ].join('\n');
  return [
    `# Benchmark results`,
    '',
    `Command: \`${out.command}\` — started ${out.startedAt}`,
    `Machine: ${out.machine.cores} cores, ${out.machine.memory}, Node ${out.machine.node}; load generator on the same machine. Load average (1/5/15 min) at start: ${out.machine.loadAtStart ?? '?'}, at the end: ${loadAtEnd} (other work shares the 2 cores: compare ratios, not absolutes).`,
    '',
    '## Targets',
    '',
    targets(out),
    '',
    READING,
    '',
    '## Side by side (rounds merged, order alternated)',
    '',
    sideBySide(out.measurements),
    '## Sustained fan-out on one issue, 5 s per step (each series stops at its first step with p99 > 250 ms or anything lost)',
    '',
    sustained,
    '',
    '## Initial sidebar query, 50 concurrent HTTP clients (closed loop; server = request arrival → response finished)',
    '',
    queries,
    '',
    '![latency vs subscribers](latency.svg)',
    '',
  ].join('\n');
}

/** Writes the run's JSON, Markdown and chart under bench/results/ and bench/RESULTS.md. */
export function writeResultFiles(out: RunResult, loadAtEnd: string = currentLoad()): string {
  const markdown = renderMarkdown(out, loadAtEnd);
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  const stamp = out.startedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify({ ...out, loadAtEnd }, null, 2);
  writeFileSync(new URL(`../results/${stamp}.json`, import.meta.url), json);
  writeFileSync(LATEST, json);
  writeFileSync(new URL(`../results/${stamp}.md`, import.meta.url), markdown);
  writeFileSync(new URL('../results/latency.svg', import.meta.url), chart(out.measurements));
  writeFileSync(new URL('../latency.svg', import.meta.url), chart(out.measurements));
  writeFileSync(new URL('../RESULTS.md', import.meta.url), markdown);
  return stamp;
}

export const currentLoad = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
