/**
 * One server per data directory: two PGlite instances writing the same files would corrupt
 * them. The lock is a file created exclusively (`wx`) holding the owner's pid, as PostgreSQL's
 * `postmaster.pid`; one left by a process that is gone is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = 'embedded-database.pid';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * How long a live owner may take to let go: a server restarted at once (`npm run dev` on a
 * change, a process manager) starts while the previous database process still closes.
 */
const WAIT_FOR_OWNER_MS = 5_000;

/** Takes the lock of `dataDir` for this process, or throws `DataDirInUseError`. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  for (let stale = 0; stale < 3;) {
    try {
      const file = await open(path, 'wx', 0o600);
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    // No pid yet: its owner has just created it and is writing it.
    const live = Number.isNaN(owner) || isOtherLiveProcess(owner);
    if (live && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if (isOtherLiveProcess(owner)) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is in use by another server (its database process has pid ${owner}); ` +
          'stop that server, or give this one another DATA_DIR',
      );
    }
    // Stale (its process is gone): remove it and try again. Two servers doing this at once
    // both try `wx` after it, and only one succeeds.
    await rm(path, { force: true });
    stale += 1;
  }
  throw new DataDirInUseError(`could not lock DATA_DIR ${dataDir}: ${path} keeps reappearing`);
}

/**
 * A pid that belongs to a live process other than this one or its parent. After a restart
 * (a container, a reboot) the pid in a stale file may be reused by an unrelated process; it is
 * then never ours or our parent's, which is what a new start of the same server would have.
 */
function isOtherLiveProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || pid === process.ppid) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
