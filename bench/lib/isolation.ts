/**
 * "The database never blocks the sockets": the fan-out on issue A (its subscribers connected once)
 * measured quiet, and again while another issue B takes a steady stream of mutations (open loop,
 * no subscribers on B), so the only extra work is B's requests and their database statements.
 */
import { summarize, type Percentiles } from './fleet.js';
import { assigneesFor, benchIssueIds, nowMs } from './protocol.js';
import { connectLoad, fire, mutate, type Load, type Measurement } from './scenarios.js';
import type { Mode, ServerProc } from './servers.js';

export interface IsolationResult {
  mode: Mode;
  subscribers: number;
  /** Triggers on A per phase, at `ratePerSec`. */
  triggers: number;
  ratePerSec: number;
  /** Mutations per second on B during the busy phase. */
  backgroundPerSec: number;
  quiet: Pick<Measurement, 'latency' | 'lost' | 'expected'>;
  busy: Pick<Measurement, 'latency' | 'lost' | 'expected'>;
  /** B's mutations during the busy phase: how many were answered, failed, and their round trip. */
  background: { sent: number; failed: number; roundTrip: Percentiles };
}

/** B's stream: what was sent, what failed, the round trips of the answered ones. */
interface Background {
  sent: number;
  failed: number;
  roundTrips: number[];
}

/** Mutations on `issueId` every 1000/`perSec` ms until the returned stop() resolves. */
function backgroundLoad(server: ServerProc, issueId: number, perSec: number, into: Background) {
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    const sentAt = nowMs();
    pending.push(
      mutate(server, issueId, assigneesFor(into.sent)).then(
        () => void into.roundTrips.push(nowMs() - sentAt),
        () => void (into.failed += 1),
      ),
    );
    into.sent += 1;
  }, 1000 / perSec);
  return async () => {
    clearInterval(timer);
    await Promise.all(pending);
  };
}

type Phase = 'quiet' | 'busy';

/**
 * One connected fleet of `subscribers` on A; `rounds` × (quiet, busy), the order alternated,
 * the rounds' latencies merged per phase.
 */
export async function isolation(
  server: ServerProc,
  opts: { subscribers: number; triggers: number; rate: number; background: number; rounds: number },
): Promise<IsolationResult> {
  // connectLoad subscribes everyone to benchIssueIds(1), i.e. A; B is the next issue.
  const [, issueB = 2] = benchIssueIds(2);
  const load: Load = { subscribers: opts.subscribers, issues: 1, connectRate: 1000, workers: 2 };
  const conn = await connectLoad(server, load);
  const runs: Record<Phase, Measurement[]> = { quiet: [], busy: [] };
  const background: Background = { sent: 0, failed: 0, roundTrips: [] };
  try {
    for (let round = 0; round < opts.rounds; round += 1) {
      const order: Phase[] = round % 2 === 0 ? ['quiet', 'busy'] : ['busy', 'quiet'];
      for (const phase of order) {
        const stop =
          phase === 'busy'
            ? backgroundLoad(server, issueB, opts.background, background)
            : undefined;
        if (stop) await new Promise((r) => setTimeout(r, 1000)); // B's stream is steady first
        try {
          runs[phase].push(
            await fire(server, conn, `isolation-${phase}`, load, opts.triggers, opts.rate),
          );
        } finally {
          await stop?.();
        }
      }
    }
  } finally {
    await conn.fleet.close();
  }
  const merged = (phase: Phase) => ({
    latency: summarize(runs[phase].flatMap((m) => m.latencies)),
    lost: runs[phase].reduce((sum, m) => sum + m.lost, 0),
    expected: runs[phase].reduce((sum, m) => sum + m.expected, 0),
  });
  return {
    mode: server.mode,
    subscribers: conn.connected.ok,
    triggers: opts.triggers,
    ratePerSec: opts.rate,
    backgroundPerSec: opts.background,
    quiet: merged('quiet'),
    busy: merged('busy'),
    background: {
      sent: background.sent,
      failed: background.failed,
      roundTrip: summarize(background.roundTrips),
    },
  };
}
