/**
 * `npx tsx scripts/measure-idle-memory.ts [--settle 10] [--runs 1]`: the idle memory of
 * `npm start`'s whole process tree (npm, the server and any process it starts), on a fresh data
 * directory and then on the same directory again (existing). Builds first when the build is
 * stale (as `npm start` would). Prints one table per start and one summary line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { processTreeMemory, type TreeMemory } from '../bench/lib/process-tree-rss.js';

const { values } = parseArgs({
  options: { settle: { type: 'string', default: '10' }, runs: { type: 'string', default: '1' } },
});
const settleMs = Number(values.settle) * 1000;
const root = new URL('..', import.meta.url);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

const summary: string[] = [];
for (let run = 1; run <= Number(values.runs); run += 1) {
  const dataDir = mkdtempSync(join(tmpdir(), 'idle-memory-'));
  try {
    for (const state of ['fresh', 'existing'] as const) {
      const { tree, readyMs } = await measure(join(dataDir, 'data'));
      console.log(
        `\n${state} data directory: ready after ${readyMs} ms, then idle ${values.settle} s`,
      );
      for (const p of tree.processes) {
        console.log(
          `  ${String(p.pid).padStart(7)}  ${mb(p.rssKb).padStart(7)} RSS  ${mb(p.pssKb).padStart(7)} PSS  ${p.command}`,
        );
      }
      console.log(
        `  total    ${mb(tree.rssKb).padStart(7)} RSS  ${mb(tree.pssKb).padStart(7)} PSS`,
      );
      summary.push(
        `${state}: ${mb(tree.rssKb)} RSS (${mb(tree.pssKb)} PSS), ready in ${readyMs} ms`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(`\n${summary.join('\n')}`);

/** Starts `npm start` on `dataDir`, waits for `Ready:` and the settle time, reads, stops it. */
async function measure(dataDir: string): Promise<{ tree: TreeMemory; readyMs: number }> {
  const started = Date.now();
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // its own process group, so the whole tree can be stopped at once
  });
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  const readyMs = await new Promise<number>((resolve, reject) => {
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready:')) resolve(Date.now() - started);
    });
    npm.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const tree = processTreeMemory(npm.pid ?? 0);
  process.kill(-(npm.pid ?? 0), 'SIGTERM');
  await exited;
  return { tree, readyMs };
}
