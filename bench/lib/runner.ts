/**
 * Runs a scenario on several servers, in alternating order over rounds, merging the rounds; and
 * the sustained series. A round that fails is recorded and skipped: the run goes on.
 */
import { summarize } from './fleet.js';
import { summarizeProfiles } from './profile-summary.js';
import type { RunResult } from './report.js';
import { connectLoad, fire, type Load, type Measurement } from './scenarios.js';
import { MODE_LABEL, type Mode, type ServerProc } from './servers.js';

export interface RunContext {
  servers: Map<Mode, ServerProc>;
  result: RunResult;
  /** Writes the results so far (after every scenario: a run stopped early keeps them). */
  save(): void;
  /** `--cpu-prof`: summarize (a)'s trigger-window profiles of each scenario. */
  cpuProf: boolean;
}

export function recordFailure(ctx: RunContext, scenario: string, error: unknown, mode?: Mode) {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  console.error(`  ${scenario}${mode ? ` ${mode}` : ''} failed: ${message}`);
  (ctx.result.failures ??= []).push({ scenario, ...(mode ? { mode } : {}), error: message });
}

function add(prev: Measurement | undefined, m: Measurement): Measurement {
  if (!prev) return m;
  const latencies = [...prev.latencies, ...m.latencies];
  return {
    ...m,
    latencies,
    latency: summarize(latencies),
    expected: m.expected + prev.expected,
    delivered: m.delivered + prev.delivered,
    lost: m.lost + prev.lost,
    wrong: m.wrong + prev.wrong,
    closed: m.closed + prev.closed,
    triggers: m.triggers + prev.triggers,
  };
}

/**
 * Runs `scenario` on every server of `on` for `rounds` rounds (order reversed every other round),
 * then on each of `once` in the first round only (the slower-to-repeat scale-out servers).
 */
export async function sideBySideRun(
  ctx: RunContext,
  spec: { scenario: string; load: Load; triggers: number; rate: number },
  on: readonly Mode[],
  rounds: number,
  once: readonly Mode[] = [],
): Promise<void> {
  const { scenario, load, triggers, rate } = spec;
  const merged = new Map<Mode, Measurement>();
  const profiles: string[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? [...on, ...(round === 0 ? once : [])] : [...on].reverse();
    for (const mode of order) {
      const server = ctx.servers.get(mode);
      if (!server) continue;
      try {
        const conn = await connectLoad(server, load);
        const m = await fire(server, conn, scenario, load, triggers, rate).finally(() =>
          conn.fleet.close(),
        );
        if (mode === 'a' && m.profile) profiles.push(m.profile);
        merged.set(mode, add(merged.get(mode), m));
        console.error(
          `  ${scenario} ${mode} round ${round + 1}: p50 ${m.latency.p50} p99 ${m.latency.p99} lost ${m.lost}, connect p50 ${m.connect.p50} failed ${m.connect.failed}`,
        );
      } catch (error) {
        // One starved round must not end the whole run: report it and go on.
        recordFailure(ctx, `${scenario} round ${round + 1}`, error, mode);
      }
    }
  }
  for (const m of merged.values()) {
    const { latencies: _l, ...rest } = m;
    ctx.result.measurements.push(rest);
  }
  if (ctx.cpuProf && profiles.length)
    (ctx.result.profiles ??= []).push(summarizeProfiles(scenario, MODE_LABEL.a, profiles));
  ctx.save();
}

/**
 * Steps `mode` through `rates` (triggers/s, 5 s each) with `subscribers` on one issue, stopping at
 * the first step with p99 > 250 ms or anything lost.
 */
export async function sustainedSeries(
  ctx: RunContext,
  mode: Mode,
  subscribers: number,
  connectRate: number,
  rates: number[],
): Promise<void> {
  const server = ctx.servers.get(mode);
  if (!server) return;
  const load: Load = { subscribers, issues: 1, connectRate, workers: 2 };
  const conn = await connectLoad(server, load);
  try {
    for (const rate of rates) {
      const m = await fire(server, conn, 'sustained', load, rate * 5, rate);
      ctx.result.sustained.push({
        mode,
        subscribers: m.connect.ok,
        ratePerSec: rate,
        deliveriesPerSec: m.deliveriesPerSec,
        p99: m.latency.p99,
        lost: m.lost,
        publishesPerTrigger: m.perTrigger.topicPublishes,
      });
      console.error(
        `  sustained ${mode} ${subscribers} ${rate}/s: ${m.deliveriesPerSec} deliveries/s p99 ${m.latency.p99} lost ${m.lost} (wrong ${m.wrong}, closed ${m.closed}, issueUpdated publishes/trigger ${m.perTrigger.topicPublishes})`,
      );
      ctx.save();
      if (m.latency.p99 > 250 || m.lost > 0) break;
    }
  } finally {
    await conn.fleet.close();
  }
}
