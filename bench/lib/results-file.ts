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

export const currentLoad = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
