import { spawn, type ChildProcess } from 'node:child_process';

import { afterAll, onTestFinished } from 'vitest';

export interface MainProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  exit: Promise<number | null>;
  /** Resolves with the URL it printed once ready. */
  ready(): Promise<string>;
}

/**
 * Runs the real entry point (`server/src/main.ts`) as its own process, as `npm start` does
 * minus the client build; killed after the test (or the file's tests) if still running.
 */
export function startMainProcess(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Inside a test, `afterAll` would register on a suite that has already run its hooks, and
  // never run: the process is then killed when the test finishes instead.
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  // The last resort: a test worker that ends takes its servers with it. A process started in
  // a beforeAll hook was left running after the run (no test to finish, and an afterAll
  // registered from inside a hook never ran).
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  try {
    onTestFinished(kill);
  } catch {
    afterAll(kill);
  }
  const pattern = /Ready: (http:\/\/localhost:\d+)/;
  return {
    child,
    output: () => output,
    exit,
    // Waits on the process's own output (not a poll), so it also works in hooks.
    ready() {
      return new Promise<string>((resolve, reject) => {
        const check = (): void => {
          const url = pattern.exec(output)?.[1];
          if (url) done(() => resolve(url));
        };
        const exited = (): void =>
          done(() => reject(new Error(`the server exited before it was ready:\n${output}`)));
        const timer = setTimeout(
          () => done(() => reject(new Error(`the server was not ready after 30 s:\n${output}`))),
          30_000,
        );
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          child.stderr?.off('data', check);
          child.off('exit', exited);
          settle();
        };
        child.stdout?.on('data', check);
        child.stderr?.on('data', check);
        child.once('exit', exited);
        if (child.exitCode !== null) exited();
        else check();
      });
    },
  };
}
