/**
 * bench/RESULTS.md and bench/results/: where a run is written. Rendered from the run's JSON, so
 * `npm run bench -- --render` can redo the Markdown of the last run (bench/results/latest.json)
 * after a change to the report, without measuring again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

import { renderMarkdown } from './markdown.js';
import { chart, type RunResult } from './report.js';

export const LATEST = new URL('../results/latest.json', import.meta.url);
const RESULTS_MD = new URL('../RESULTS.md', import.meta.url);

/**
 * RESULTS.md from this line on is written by hand (figures of other scripts, e.g.
 * bench/presence.ts) and kept when a run rewrites the file.
 */
export const KEPT_MARKER =
  '<!-- Written by hand below: kept when npm run bench rewrites this file -->';

function keptTail(): string {
  if (!existsSync(RESULTS_MD)) return '';
  const text = readFileSync(RESULTS_MD, 'utf8');
  const at = text.indexOf(KEPT_MARKER);
  return at < 0 ? '' : `\n${text.slice(at)}`;
}

/**
 * Writes the run's JSON, Markdown and chart under bench/results/ (also as `<label>.json` with
 * `--label`, for a later `--compare`) and bench/RESULTS.md.
 */
export function writeResultFiles(out: RunResult, loadAtEnd: string = currentLoad()): string {
  const markdown = renderMarkdown(out, loadAtEnd);
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  const stamp = out.startedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify({ ...out, loadAtEnd }, null, 2);
  writeFileSync(new URL(`../results/${stamp}.json`, import.meta.url), json);
  writeFileSync(LATEST, json);
  if (out.label)
    writeFileSync(
      new URL(`../results/${out.label.replace(/[^\w.-]/g, '_')}.json`, import.meta.url),
      json,
    );
  writeFileSync(new URL(`../results/${stamp}.md`, import.meta.url), markdown);
  writeFileSync(new URL('../results/latency.svg', import.meta.url), chart(out.measurements));
  writeFileSync(new URL('../latency.svg', import.meta.url), chart(out.measurements));
  writeFileSync(RESULTS_MD, markdown + keptTail());
  return stamp;
}

/**
 * `--only`: the previous run's results with this run's scenarios replaced (`selected` names the
 * scenarios this run measures; its failures replace theirs). With `profilesOnly` (`--cpu-prof`),
 * only the profiles are taken: profiling slows the server, its figures are not the run's.
 */
export function mergeInto(
  previous: RunResult,
  fresh: RunResult,
  selected: readonly string[],
  profilesOnly = false,
): RunResult {
  if (profilesOnly) {
    const profiled = new Set(fresh.profiles?.map((p) => p.scenario));
    return {
      ...previous,
      profiles: [
        ...(previous.profiles ?? []).filter((p) => !profiled.has(p.scenario)),
        ...(fresh.profiles ?? []),
      ],
      command: `${previous.command}; profiles: ${fresh.command}`,
    };
  }
  const out: RunResult = { ...fresh };
  const measured = new Set(fresh.measurements.map((m) => m.scenario));
  out.measurements = [
    ...previous.measurements.filter((m) => !measured.has(m.scenario)),
    ...fresh.measurements,
  ];
  if (!out.sustained.length) out.sustained = previous.sustained;
  if (!out.initialQuery.length) out.initialQuery = previous.initialQuery;
  out.memory ??= previous.memory;
  out.isolation ??= previous.isolation;
  out.durations = { ...previous.durations, ...fresh.durations };
  const profiled = new Set(fresh.profiles?.map((p) => p.scenario));
  out.profiles = [
    ...(previous.profiles ?? []).filter((p) => !profiled.has(p.scenario)),
    ...(fresh.profiles ?? []),
  ];
  const rerun = (f: { scenario: string }) => selected.some((s) => f.scenario.startsWith(s));
  out.failures = [...(previous.failures ?? []).filter((f) => !rerun(f)), ...(fresh.failures ?? [])];
  out.before ??= previous.before;
  out.label ??= previous.label;
  out.command = `${previous.command}, then ${fresh.command}`;
  return out;
}

export const currentLoad = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
