/**
 * Creates a new PGlite data directory. PGlite runs initdb in a second, temporary Postgres
 * instance: about 700 MB that stay with the process, so this runs in a process that exits
 * right after (see database-process.ts).
 *
 * initdb writes into a staging directory inside the data directory and the result is moved
 * into place with `PG_VERSION` last: a start interrupted meanwhile leaves no half-made database
 * that PGlite would take for a real one (it looks for `PG_VERSION`), only the staging
 * directory, which the next start removes. The caller checks that the data directory holds
 * nothing else (`checkEmptyForInitdb`).
 */
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';

import { POSTGRESQL_CONF } from './protocol.js';

const STAGING = '.initdb';

export async function initdbInto(dataDir: string): Promise<void> {
  const staging = join(dataDir, STAGING);
  await rm(staging, { recursive: true, force: true });
  const db = await PGlite.create(staging, { postgresqlconf: POSTGRESQL_CONF });
  await db.close();
  const entries = (await readdir(staging)).sort((a, b) =>
    a === 'PG_VERSION' ? 1 : b === 'PG_VERSION' ? -1 : 0,
  );
  for (const entry of entries) await rename(join(staging, entry), join(dataDir, entry));
  await rm(staging, { recursive: true, force: true });
}

/**
 * A data directory without `PG_VERSION` must hold nothing but this process's own files before
 * initdb writes into it: a mistyped DATA_DIR (a home directory) is refused, not filled, and a
 * half-moved database from an interrupted start is not mixed with a new one.
 */
export async function checkEmptyForInitdb(dataDir: string, own: readonly string[]): Promise<void> {
  const others = (await readdir(dataDir)).filter((name) => name !== STAGING && !own.includes(name));
  if (others.length > 0) {
    throw new Error(
      `DATA_DIR ${dataDir} holds no database (no PG_VERSION) but is not empty ` +
        `(${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}): ` +
        'point DATA_DIR at an empty or new directory, or delete this one to start from the seed',
    );
  }
}
