/**
 * What `npm start` costs at rest: the built server (`node --enable-source-maps
 * dist/server/main.js`, after `scripts/build-if-stale.mjs`, as `npm start` runs it) on a fresh
 * data directory, stopped, then started again on the directory it left (an existing one). RSS is
 * summed over its whole process tree (the server and any database process or worker it starts),
 * once the total has settled.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { processTree, rssKb, treePssKb, treeRssKb } from './proc-tree.js';

export interface IdleMemory {
  /** Spawn → `Ready:` line. */
  startMs: number;
  /** The highest tree RSS seen while starting (initdb, migrations, seed). */
  peakMb: number;
  /** Tree RSS once settled (the target's figure), and its proportional share (PSS). */
  idleMb: number;
  idlePssMb: number;
  /** Seconds waited for the total to settle. */
  settledAfterS: number;
  /** Each process of the tree at rest: its command and RSS. */
  processes: { command: string; mb: number }[];
}

export interface MemoryResult {
  fresh: IdleMemory;
  existing: IdleMemory;
}

const root = new URL('../..', import.meta.url).pathname;
const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** `npm start`'s first step: builds dist/ when it is missing or older than the sources. */
export async function ensureBuild(): Promise<void> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['scripts/build-if-stale.mjs', '--quiet'],
    { cwd: root, maxBuffer: 64 * 2 ** 20 },
  );
  if (stdout.trim()) console.error(stdout.trim().split('\n').slice(-3).join('\n'));
}

function command(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return argv.map((a) => a.replace(`${root}`, '')).join(' ');
  } catch {
    return '?';
  }
}

/** Starts the built server on `dataDir`, waits until it is ready and its memory settles, stops it. */
async function idleOnce(dataDir: string): Promise<IdleMemory> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  // The defaults of `npm start`: embedded database, in-process pub/sub, one process.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'WEB_CONCURRENCY', 'ROLE', 'NODE_OPTIONS'])
    delete env[name];
  const started = Date.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = child.pid ?? 0;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), 100);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('npm start: no Ready line in 120 s')),
        120_000,
      );
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready: ')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code} before it was ready`));
      });
    });
    const startMs = Date.now() - started;
    // Settled: the last 5 one-second samples within 2 MB of each other (at most 60 s).
    const samples: number[] = [];
    const waitFrom = Date.now();
    while (Date.now() - waitFrom < 60_000) {
      await new Promise((r) => setTimeout(r, 1000));
      samples.push(treeRssKb(pid));
      const last = samples.slice(-5);
      if (last.length === 5 && Math.max(...last) - Math.min(...last) < 2048) break;
    }
    return {
      startMs,
      peakMb: mb(peak),
      idleMb: mb(treeRssKb(pid)),
      idlePssMb: mb(treePssKb(pid)),
      settledAfterS: Math.round((Date.now() - waitFrom) / 1000),
      processes: processTree(pid).map((p) => ({ command: command(p), mb: mb(rssKb(p)) })),
    };
  } finally {
    clearInterval(sampler);
    const tree = processTree(pid); // a database child must not outlive a killed server
    const gone = child.exitCode !== null || child.signalCode !== null;
    const exited = gone ? Promise.resolve() : new Promise((r) => child.once('exit', r));
    if (!gone) child.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const p of tree) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, 15_000);
    await exited;
    clearTimeout(killer);
  }
}

/** The built server at rest on a fresh data directory, then on the one it left behind. */
export async function idleMemory(): Promise<MemoryResult> {
  await ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), 'bench-npm-start-'));
  try {
    const dataDir = join(dir, 'data'); // missing, as on a first `npm start`
    const fresh = await idleOnce(dataDir);
    const existing = await idleOnce(dataDir);
    return { fresh, existing };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
