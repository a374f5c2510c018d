/**
 * The real server for benchmarks: the same `loadConfig` + `startOptionsFrom` + `startServer` as
 * `server/src/main.ts`, plus what the benchmark needs and the server does not expose yet:
 * the engine's counters, repository reads and database statements over IPC, `global.gc()` on
 * request, and the issues of `benchIssueIds(BENCH_ISSUES)` beyond the seed (id = iid) for the
 * spread scenario.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

import { pino } from 'pino';

import { loadConfig } from '../server/src/config.js';
import type { IssueRepository } from '../server/src/domain/repository.js';
import { startOptionsFrom } from '../server/src/start-options.js';
import { startServer } from '../server/src/start-server.js';

import { createBenchIssues } from './lib/bench-issues.js';
import type { ServerCommand, ServerReply } from './lib/protocol.js';
import { installDatabaseProbe, installProbes } from './lib/server-probes.js';

installDatabaseProbe();
const config = loadConfig();
const logger = pino({ level: config.logLevel });
const server = await startServer(startOptionsFrom(config, logger));
await createBenchIssues(server.database.db, Number(process.env.BENCH_ISSUES ?? 20));

const snapshot = installProbes(server);
void (server.database.repository satisfies IssueRepository);

const send = (message: ServerReply) => process.send?.(message);
// A CPU profile of just the trigger window (`npm run bench -- --cpu-prof`), not of start-up.
let profiler: Session | undefined;
async function profile(command: ServerCommand): Promise<void> {
  if (command.type === 'profile-start') {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
    send({ type: 'profile-started' });
  } else if (command.type === 'profile-stop' && profiler) {
    const { profile: taken } = await profiler.post('Profiler.stop');
    writeFileSync(command.file, JSON.stringify(taken));
    profiler.disconnect();
    profiler = undefined;
    send({ type: 'profile-written', file: command.file });
  }
}
process.on('message', (command: ServerCommand) => {
  if (command.type === 'profile-start' || command.type === 'profile-stop') {
    void profile(command);
  } else if (command.type === 'stats') {
    send({ type: 'stats', counters: snapshot() });
  } else {
    globalThis.gc?.();
    globalThis.gc?.();
    send({ type: 'gc-done', heapUsed: process.memoryUsage().heapUsed });
  }
});
process.on('disconnect', () => process.exit(0));
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
console.log(`\n  Ready: http://localhost:${server.port}/${'gitlab-org/gitlab-test'}/-/issues/1\n`);
