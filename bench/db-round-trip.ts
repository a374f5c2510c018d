/**
 * What one database round trip costs on this machine, below the application: `select 1`, the
 * update's read (`loadUpdateContext`) and its write (`writeIssue`, assignees as the bench's
 * mutations set them), each timed `--n` times in a row from this process. The embedded database
 * (PGlite in its own process, reached with `pg` over its Unix socket) by default, PostgreSQL
 * with `DATABASE_URL`. It is the floor under "request → publish": a mutation makes one read and
 * one write, so it cannot publish sooner than their sum.
 *
 *   npx tsx bench/db-round-trip.ts [--n 2000]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { openDatabase } from '../server/src/db/open-database.js';
import { pingDatabase } from '../server/src/db/ping.js';
import { STALE } from '../server/src/domain/repository.js';

import { summarize } from './lib/fleet.js';
import { assigneesFor, PROJECT_PATH } from './lib/protocol.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' } } });
const n = Number(values.n);
const databaseUrl = process.env.DATABASE_URL;
const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), 'bench-db-'));
const database = await openDatabase({ databaseUrl, dataDir });

async function timed(name: string, step: (k: number) => Promise<unknown>): Promise<void> {
  for (let k = 0; k < 200; k += 1) await step(k); // warm-up
  const ms: number[] = [];
  for (let k = 0; k < n; k += 1) {
    const t0 = performance.now();
    await step(k);
    ms.push(performance.now() - t0);
  }
  const s = summarize(ms);
  console.log(`${name}: p50 ${s.p50} ms, p99 ${s.p99} ms (${n} in a row)`);
}

try {
  const alice = await database.identity.findAccountByUsername('alice');
  const request = (k: number) => ({
    projectPath: PROJECT_PATH,
    iid: 1,
    actorId: alice?.id ?? null,
    usernames: assigneesFor(k),
    labelIds: [],
    milestoneId: null,
  });
  const users = new Map(
    (await database.repository.findUsersByUsernames(['alice', 'bob', 'carol', 'dave'])).map(
      (user) => [user.username, user.id],
    ),
  );
  console.log(databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite, own process');
  await timed('select 1', () => pingDatabase(database.db));
  await timed('update read (loadUpdateContext)', (k) =>
    database.repository.loadUpdateContext(request(k)),
  );
  await timed('update read + write (assignees)', async (k) => {
    const context = await database.repository.loadUpdateContext(request(k));
    if (!context) throw new Error('issue 1 not found');
    const assigneeIds = assigneesFor(k).map((name) => users.get(name) ?? 0);
    const written = await database.repository.writeIssue(
      context.issue.id,
      context.version,
      { assigneeIds },
      request(k).actorId,
    );
    if (written === STALE) throw new Error('stale: nothing else writes here');
  });
} finally {
  await database.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
