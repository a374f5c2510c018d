/**
 * The server's side of the embedded database process: forks it, waits until it serves its
 * socket, stops it, and reports it if it dies on its own (`onExit`), so the server can answer
 * 503 and stop instead of hanging.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { DatabaseProcessRequest, FromDatabaseProcess, ToDatabaseProcess } from './protocol.js';

/**
 * From source (tests, `npm run dev`, the benchmark) the process runs its TypeScript under tsx;
 * from the build it is `dist/server/database-process.js`, beside `main.js`. Either way the
 * entry sits next to the module that forks it once bundled, or in this folder.
 */
const fromSource = import.meta.url.endsWith('.ts');
const entry = fileURLToPath(
  new URL(fromSource ? './database-process.ts' : './database-process.js', import.meta.url),
);
const root = fileURLToPath(new URL(fromSource ? '../../../../' : '../../', import.meta.url));

/**
 * One V8 helper thread instead of four: the process runs one query at a time, and each thread's
 * compile work left its own allocator arena behind (about 200 → 150 MB RSS, measured).
 */
const NODE_FLAGS = ['--v8-pool-size=1'];
/**
 * glibc's malloc raises its mmap threshold after the first large free, and keeps later large
 * blocks (the start's migration and seed work) in its heap: a fixed threshold returns them to
 * the system (about 155 → 142 MB RSS after a first start, measured). Other C libraries ignore it.
 */
const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: String(128 * 1024) };

/** Generous: initdb of a new data directory takes 5 to 20 s on a busy 2-core machine. */
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export interface DatabaseProcessHandle {
  pid: number;
  /** Directory of the Unix socket `.s.PGSQL.5432` (`pg`'s `host`). */
  socketDir: string;
  /** Called once if the process exits without being asked to. */
  onExit(listener: (reason: string) => void): void;
  /** Asks it to stop (it closes PGlite cleanly) and waits; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** Starts the process for `dataDir` (undefined: in memory) and waits until it is ready. */
export async function startDatabaseProcess(
  dataDir: string | undefined,
): Promise<DatabaseProcessHandle> {
  // Absolute: the process runs in another working directory.
  const request: DatabaseProcessRequest = {
    mode: 'serve',
    dataDir: dataDir === undefined ? null : resolve(dataDir),
  };
  const child = fork(entry, [JSON.stringify(request)], {
    cwd: root, // where `--import tsx` resolves from source
    execArgv: [...(fromSource ? ['--import', 'tsx'] : ['--enable-source-maps']), ...NODE_FLAGS],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...MALLOC_ENV },
  });
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) =>
      resolve(signal ? `killed by ${signal}` : `exit code ${code}`),
    );
  });
  const socketDir = await ready(child, exited, dataDir);
  // The server never waits on this process to exit: it stops it, or dies and takes it along.
  child.unref();
  child.channel?.unref();

  let stopping = false;
  return {
    pid: child.pid ?? 0,
    socketDir,
    onExit(listener) {
      void exited.then((reason) => {
        if (!stopping) listener(reason);
      });
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' } satisfies ToDatabaseProcess);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The socket directory once the process reports ready; its own error if it fails. */
async function ready(
  child: ChildProcess,
  exited: Promise<string>,
  dataDir: string | undefined,
): Promise<string> {
  const where = dataDir === undefined ? 'in memory' : `in ${dataDir}`;
  let failure: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<string>((resolve, reject) => {
      child.on('message', (message: FromDatabaseProcess) => {
        if (message.type === 'ready') resolve(message.socketDir);
        else failure = message.message;
      });
      void exited.then((reason) =>
        reject(new Error(`the embedded database ${where} did not start: ${failure ?? reason}`)),
      );
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the embedded database ${where} was not ready after 120 s`));
      }, READY_TIMEOUT_MS);
    });
  } finally {
    clearTimeout(timer);
  }
}
