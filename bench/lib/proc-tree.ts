/**
 * Memory and CPU of a process and everything it started (a cluster's workers, a database child),
 * read from /proc: what `npm start` costs the machine, not just its first process.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Fields of /proc/<pid>/stat after the command name: [1] is the parent pid. */
function statFields(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  } catch {
    return []; // exited meanwhile
  }
}

/** `root` and its descendants that are alive now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = Number(statFields(pid)[1]);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** A `Key: <n> kB` line of a /proc file, 0 when the process is gone. */
function kbField(file: string, key: string): number {
  try {
    return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(file, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export const rssKb = (pid: number): number => kbField(`/proc/${pid}/status`, 'VmRSS');

/** RSS summed over the tree (pages shared between the processes count once per process). */
export const treeRssKb = (root: number): number =>
  processTree(root).reduce((sum, pid) => sum + rssKb(pid), 0);

/** Proportional set size summed over the tree: shared pages split between their users. */
export const treePssKb = (root: number): number =>
  processTree(root).reduce((sum, pid) => sum + kbField(`/proc/${pid}/smaps_rollup`, 'Pss'), 0);

/** User + system CPU seconds of the live processes of the tree (fields 14 and 15, in 1/100 s). */
export const treeCpuSec = (root: number): number =>
  processTree(root).reduce((sum, pid) => {
    const f = statFields(pid);
    return sum + (Number(f[11] ?? 0) + Number(f[12] ?? 0)) / 100;
  }, 0);
