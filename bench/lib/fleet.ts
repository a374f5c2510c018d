/** The orchestrator's side of the load generator: worker processes driven over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { PlannedTrigger, WorkerCommand, WorkerReply } from './protocol.js';
import type { ServerProc } from './servers.js';

const workerFile = fileURLToPath(new URL('../worker.ts', import.meta.url));

type Reply<T extends WorkerReply['type']> = Extract<WorkerReply, { type: T }>;

export interface ConnectResult {
  ok: number;
  failed: number;
  connectMs: number[];
  wallMs: number;
}

export interface CollectResult {
  latencies: number[];
  expected: number;
  delivered: number;
  wrong: number;
  closed: number;
}

export class Fleet {
  private constructor(private readonly workers: ChildProcess[]) {}

  static start(count: number): Fleet {
    const workers = Array.from({ length: count }, () =>
      fork(workerFile, [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    return new Fleet(workers);
  }

  private all<T extends WorkerReply['type']>(
    commands: WorkerCommand[],
    type: T,
    timeoutMs: number,
  ): Promise<Reply<T>[]> {
    return Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<Reply<T>>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`worker ${i}: no ${type}`)), timeoutMs);
            const onMessage = (reply: WorkerReply) => {
              if (reply.type !== type) return;
              clearTimeout(timer);
              worker.off('message', onMessage);
              resolve(reply as Reply<T>);
            };
            worker.on('message', onMessage);
            const command = commands[i] ?? commands[0];
            if (command) worker.send(command);
          }),
      ),
    );
  }

  /** Opens one client per entry of `issueIds` (client i on worker i mod n), rate-limited. */
  async connect(
    server: ServerProc,
    issueIds: number[],
    ratePerSec: number,
    timeoutMs: number,
  ): Promise<ConnectResult> {
    const n = this.workers.length;
    const started = Date.now();
    const commands: WorkerCommand[] = this.workers.map((_, w) => ({
      type: 'connect',
      url: server.wsUrl,
      origin: server.origin,
      protocol: server.protocol,
      issueIds: issueIds.filter((_, i) => i % n === w),
      ratePerSec: ratePerSec / n,
      timeoutMs,
    }));
    // Generous: on a shared, overloaded machine the workers themselves may be starved.
    const budget = (issueIds.length / ratePerSec) * 1000 * 2 + timeoutMs + 60_000;
    const replies = await this.all(commands, 'connected', budget);
    return {
      ok: replies.reduce((s, r) => s + r.ok, 0),
      failed: replies.reduce((s, r) => s + r.failed, 0),
      connectMs: replies.flatMap((r) => r.connectMs),
      wallMs: Date.now() - started,
    };
  }

  async arm(plan: PlannedTrigger[]): Promise<void> {
    await this.all([{ type: 'arm', plan }], 'armed', 30_000);
  }

  async collect(sendTimes: number[], graceMs: number): Promise<CollectResult> {
    const replies = await this.all(
      [{ type: 'collect', sendTimes, graceMs }],
      'collected',
      graceMs + 60_000,
    );
    return {
      latencies: replies.flatMap((r) => r.latencies),
      expected: replies.reduce((s, r) => s + r.expected, 0),
      delivered: replies.reduce((s, r) => s + r.delivered, 0),
      wrong: replies.reduce((s, r) => s + r.wrong, 0),
      closed: replies.reduce((s, r) => s + r.closed, 0),
    };
  }

  async close(): Promise<void> {
    await this.all([{ type: 'close' }], 'closed', 30_000).catch(() => undefined);
    for (const worker of this.workers) if (worker.connected) worker.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    for (const worker of this.workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  }
}

/** Percentile (nearest rank) of an ascending array; 0 when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export function summarize(values: readonly number[]) {
  const sorted = Float64Array.from(values).sort();
  const s = Array.from(sorted);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1] ?? 0),
  };
}
export type Percentiles = ReturnType<typeof summarize>;
