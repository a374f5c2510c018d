/**
 * The application's three hot paths on the shipped server alone (no side-by-side modes), for
 * before/after comparisons of one change: 300 sequential sidebar mutations (server request →
 * publish, server CPU and repository calls per mutation), the sidebar query from 50 concurrent
 * clients for 3 s, and 1,000 connects + subscribes to one issue at 1,000/s.
 *
 *   npx tsx bench/app-paths.ts [--only mutation,query,connect] [--mode a|f] [--prof]
 *
 * Starts `bench/server-entry.ts` (embedded PGlite in a data directory; `DATABASE_URL` in the
 * environment for a PostgreSQL) with the bench's own probes and fleet. `--prof` writes a CPU
 * profile of each phase to bench/results/prof/app-paths-<phase>.cpuprofile. `--mode f` runs the
 * connects against the floor. Server CPU is the server process's user + system time.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { summarize } from './lib/fleet.js';
import { assigneesFor, PROJECT_PATH, SET_ASSIGNEES } from './lib/protocol.js';
import { initialQuery } from './lib/initial-query.js';
import { connectLoad } from './lib/scenarios.js';
import { startServer } from './lib/servers.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'mutation,query,connect' },
    mode: { type: 'string', default: 'a' },
    prof: { type: 'boolean', default: false },
  },
});
const phases = new Set(values.only.split(','));
const profileDir = fileURLToPath(new URL('results/prof', import.meta.url));
mkdirSync(profileDir, { recursive: true });

const server = await startServer(values.mode === 'f' ? 'f' : 'a', { issues: 20 });
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (values.prof) await server.profileStart();
  try {
    return await run();
  } finally {
    if (values.prof) await server.profileStop(`${profileDir}/app-paths-${name}.cpuprofile`);
  }
}

async function mutate(iid: number, usernames: string[]): Promise<void> {
  const response = await fetch(server.httpUrl, {
    method: 'POST',
    headers: server.headers,
    body: JSON.stringify({
      query: SET_ASSIGNEES,
      variables: { p: PROJECT_PATH, i: String(iid), u: usernames },
    }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body));
}

try {
  if (phases.has('mutation')) {
    for (let k = 0; k < 50; k += 1) await mutate(3, assigneesFor(k)); // warm-up
    const n = 300;
    const before = await server.counters();
    const cpu = server.cpuSec();
    await profiled('mutation', async () => {
      for (let k = 0; k < n; k += 1) await mutate(3 + (k % 5), assigneesFor(k));
    });
    const cpuMs = ((server.cpuSec() - cpu) * 1000) / n;
    const after = await server.counters();
    const inside = after.phasesMs;
    console.log(
      `mutation: server request → publish p50 ${inside?.publish} ms, response p50 ${inside?.response} p99 ${inside?.responseP99} ms; server CPU ${cpuMs.toFixed(2)} ms; repository calls ${((after.reads - before.reads) / n).toFixed(2)} per mutation`,
    );
  }
  if (phases.has('query')) {
    await initialQuery(server, 50, 1000); // warm-up
    const before = await server.counters();
    const cpu = server.cpuSec();
    const q = await profiled('query', () => initialQuery(server, 50, 3000));
    const cpuMs = ((server.cpuSec() - cpu) * 1000) / Math.max(1, q.requests);
    const reads = ((await server.counters()).reads - before.reads) / Math.max(1, q.requests);
    console.log(
      `query: server p50 ${q.serverP50} p99 ${q.serverP99} ms; ${q.requests} requests, ${q.errors} errors; server CPU ${cpuMs.toFixed(2)} ms and ${reads.toFixed(2)} reads per request`,
    );
  }
  if (phases.has('connect')) {
    const cpu = server.cpuSec();
    const load = { subscribers: 1000, issues: 1, connectRate: 1000, workers: 2 };
    const conn = await profiled('connect', () => connectLoad(server, load));
    // connectLoad connects and closes a warm-up fleet of 1,000 first: 2,000 connects in all.
    const cpuMs = ((server.cpuSec() - cpu) * 1000) / 2000;
    const s = summarize(conn.connected.connectMs);
    console.log(
      `connect: p50 ${s.p50} p99 ${s.p99} ms; ${conn.connected.ok} ok, ${conn.connected.failed} failed in ${conn.connected.wallMs} ms; server CPU ${cpuMs.toFixed(2)} ms per connect`,
    );
    await conn.fleet.close();
  }
} finally {
  await server.stop();
}
process.exit(0);
