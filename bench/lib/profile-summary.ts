/**
 * A V8 CPU profile (.cpuprofile, as the inspector writes it) reduced to where the time went:
 * self time by function and by file or package, the top entries of each, for RESULTS.md. The
 * whole profiles stay in bench/results/prof/ for Chrome DevTools.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  scenario: string;
  mode: string;
  /** Profiles merged (one per round). */
  profiles: number;
  /** Sampled time, idle excluded. */
  busyMs: number;
  idleMs: number;
  functions: { name: string; ms: number; percent: number }[];
  files: { name: string; ms: number; percent: number }[];
}

const root = new URL('../..', import.meta.url).pathname;

/** `node_modules/<package>` (scoped too), else the path under the repository, else the URL. */
function place(url: string): string {
  if (url === '') return '(V8 / native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) return pkg;
  return path.startsWith(root) ? path.slice(root.length) : path;
}

/** Self time (ms) per node id: each sample's following time delta, as DevTools counts it. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + ms);
  });
  return self;
}

const IDLE = new Set(['(idle)']);

/** Merges the profiles in `files` and keeps the `top` entries by function and by file. */
export function summarizeProfiles(
  scenario: string,
  mode: string,
  files: readonly string[],
  top = 15,
): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const [id, ms] of selfTimes(profile)) {
      const frame = nodes.get(id)?.callFrame;
      if (!frame) continue;
      if (IDLE.has(frame.functionName)) {
        idle += ms;
        continue;
      }
      busy += ms;
      const where = place(frame.url);
      const name = `${frame.functionName || '(anonymous)'} ${where}${frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : ''}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      byFile.set(where, (byFile.get(where) ?? 0) + ms);
    }
  }
  const ranked = (m: Map<string, number>) =>
    [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([name, ms]) => ({
        name,
        ms: Math.round(ms * 10) / 10,
        percent: busy > 0 ? Math.round((ms / busy) * 1000) / 10 : 0,
      }));
  return {
    scenario,
    mode,
    profiles: files.length,
    busyMs: Math.round(busy),
    idleMs: Math.round(idle),
    functions: ranked(byFunction),
    files: ranked(byFile),
  };
}

/** The summary as Markdown: two tables, by file or package and by function. */
export function profileMarkdown(s: ProfileSummary): string {
  const table = (title: string, rows: ProfileSummary['functions']) => [
    `| ${title} | self ms | % of busy |`,
    '|---|---:|---:|',
    ...rows.map((r) => `| \`${r.name.replace(/\|/g, '\\|')}\` | ${r.ms} | ${r.percent} |`),
  ];
  return [
    `### ${s.scenario}, ${s.mode}: ${s.busyMs} ms busy, ${s.idleMs} ms idle in the trigger window${s.profiles > 1 ? ` (${s.profiles} rounds merged)` : ''}`,
    '',
    ...table('file or package', s.files.slice(0, 10)),
    '',
    ...table('function', s.functions),
    '',
  ].join('\n');
}
