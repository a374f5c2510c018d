/**
 * Memory of a whole process tree, read from Linux's /proc: a process and every descendant
 * (`npm start` → the server → the embedded database process). RSS counts pages shared between
 * the processes (the node binary, shared libraries) once per process, so the sum is an upper
 * bound; PSS divides each shared page among its users and sums to what the tree really costs.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMemory {
  pid: number;
  ppid: number;
  /** The command line, shortened (arguments included: two node processes differ by them). */
  command: string;
  rssKb: number;
  /** Proportional set size; 0 where smaps_rollup is not readable. */
  pssKb: number;
}

export interface TreeMemory {
  processes: ProcessMemory[];
  rssKb: number;
  pssKb: number;
}

/** `rootPid` and its descendants with their memory; processes that exit meanwhile are skipped. */
export function processTreeMemory(rootPid: number): TreeMemory {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid !== undefined) parents.set(pid, ppid);
  }
  const inTree = new Set<number>([rootPid]);
  // Parents may be listed after their children: repeat until no process joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!inTree.has(pid) && inTree.has(ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  const processes: ProcessMemory[] = [];
  for (const pid of inTree) {
    const memory = memoryOf(pid, parents.get(pid) ?? 0);
    if (memory) processes.push(memory);
  }
  return {
    processes,
    rssKb: processes.reduce((sum, p) => sum + p.rssKb, 0),
    pssKb: processes.reduce((sum, p) => sum + p.pssKb, 0),
  };
}

/** The whole tree's RSS in kB (the figure the targets name). */
export function processTreeRssKb(rootPid: number): number {
  return processTreeMemory(rootPid).rssKb;
}

function parentOf(pid: number): number | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  // The command name is in parentheses and may itself contain spaces or parentheses.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? Number(fields[1]) : undefined;
}

function memoryOf(pid: number, ppid: number): ProcessMemory | undefined {
  const status = readOrUndefined(`/proc/${pid}/status`);
  const rss = status && /VmRSS:\s+(\d+)/.exec(status)?.[1];
  if (!rss) return undefined; // exited, or a kernel thread
  const pss = /^Pss:\s+(\d+)/m.exec(readOrUndefined(`/proc/${pid}/smaps_rollup`) ?? '')?.[1];
  const cmdline = (readOrUndefined(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim();
  return {
    pid,
    ppid,
    command: cmdline.length > 100 ? `${cmdline.slice(0, 97)}...` : cmdline,
    rssKb: Number(rss),
    pssKb: Number(pss ?? 0),
  };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
