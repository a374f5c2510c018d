/** One measurement: connect subscribers, fire mutations open-loop, collect the pushes. */
import { Fleet, summarize, type Percentiles } from './fleet.js';
import {
  PROJECT_PATH,
  SET_ASSIGNEES,
  assigneeKey,
  assigneesFor,
  benchIssueIds,
  nowMs,
  type PlannedTrigger,
} from './protocol.js';
import type { ServerCounters } from './protocol.js';
import { PROFILED, type Mode, type ServerProc } from './servers.js';

export interface Load {
  subscribers: number;
  /** Subscribers are spread round-robin over this many issues (`benchIssueIds`). */
  issues: number;
  connectRate: number;
  workers: number;
}

export interface Measurement {
  scenario: string;
  mode: Mode;
  subscribers: number;
  issues: number;
  triggers: number;
  ratePerSec: number;
  latency: Percentiles;
  /** HTTP round trip of the triggering mutation. */
  mutation: Percentiles;
  expected: number;
  delivered: number;
  lost: number;
  wrong: number;
  /** Subscribed clients whose socket closed before the end of the measurement. */
  closed: number;
  deliveriesPerSec: number;
  connect: { ok: number; failed: number; wallMs: number } & Percentiles;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** RSS summed over the server's process tree (database child, cluster workers) before connecting. */
  treeRssBeforeMb?: number;
  /** false: the server reports no counters over IPC (x2, the unchanged entry point); they read 0. */
  probed?: boolean;
  kbPerConnection: number;
  /** V8 heap delta after GC per connection (the JS objects alone; RSS adds sockets and buffers). */
  heapKbPerConnection: number;
  cpuMsPerTrigger: number;
  perTrigger: {
    executions: number;
    /** The mutation's own reads (auth, permission checks, the write's reads). */
    reads: number;
    /** Reads made by the fan-out for the event (subscriber authorization, resolvers). */
    deliveryReads: number;
    /** All publishes of the mutation (one per GitLab event it announces). */
    publishes: number;
    /** Publishes on the subscribed topic (`issueUpdated`). */
    topicPublishes: number;
    /** Statements the mutation sends to the database (round trips: auth, checks, write). */
    dbStatements?: number;
    /** Statements sent to the database while delivering the event. */
    deliveryDbStatements?: number;
    /** Of `dbStatements`, credential reads (cached: once per credential per 10 s). */
    credentialDbStatements?: number;
  };
  /** Statements sent to the database per client connecting and subscribing (after a warm-up). */
  dbStatementsPerConnection?: number;
  /** The CPU profile of the trigger window (`--cpu-prof`), bench/results/prof/. */
  profile?: string;
  /** Medians inside the server, ms after the mutation's request arrived. */
  phasesMs?: ServerCounters['phasesMs'];
  latencies: number[];
}

/** One SET_ASSIGNEES mutation; rejects on an HTTP or GraphQL error. */
export async function mutate(server: ServerProc, iid: number, usernames: string[]): Promise<void> {
  const response = await fetch(server.httpUrl, {
    method: 'POST',
    headers: server.headers,
    body: JSON.stringify({
      query: SET_ASSIGNEES,
      variables: { p: PROJECT_PATH, i: String(iid), u: usernames },
    }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as {
    errors?: unknown;
    data?: { issueSetAssignees?: { errors: string[] } };
  };
  if (body.errors || body.data?.issueSetAssignees?.errors.length) {
    throw new Error(`mutation failed: ${JSON.stringify(body)}`);
  }
}

/** Up to this many clients connect and leave before the baseline (as many as measured at 1k). */
const WARM_UP_CLIENTS = 1000;

/** A fleet connected to `server`, plus the measurements taken while connecting. */
export async function connectLoad(server: ServerProc, load: Load) {
  const ids = benchIssueIds(load.issues);
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(ids.slice(i, i + 20).map((id) => mutate(server, id, [])));
  }
  const clientIssues = Array.from({ length: load.subscribers }, (_, i) => ids[i % ids.length] ?? 1);
  const timeout = 30_000;
  // One-time costs are not per connection: code compiled on first use, buffer pools, the
  // database's caches and the allocator's first arenas. A warm-up fleet connects, subscribes and
  // leaves before the baseline is read, so RSS per connection at 1k is not mostly V8's young
  // generation growing to its working size (about 20 MB, seen as 20 KB per connection at 1k).
  const warmUp = Fleet.start(1);
  const warmUpIssues = clientIssues.slice(0, Math.min(load.subscribers, WARM_UP_CLIENTS));
  await warmUp.connect(server, warmUpIssues, load.connectRate, timeout);
  await warmUp.close();
  await new Promise((r) => setTimeout(r, 300)); // lets the server handle the closes
  const heapBefore = await server.gc();
  const rssBefore = server.rssKb();
  const treeRssBefore = server.treeRssKb();
  const statementsBefore = (await server.counters()).dbStatements ?? 0;
  const fleet = Fleet.start(load.workers);
  const connected = await fleet.connect(server, clientIssues, load.connectRate, timeout);
  await new Promise((r) => setTimeout(r, 500));
  const heapAfter = await server.gc();
  const rssAfter = server.rssKb();
  const statements = ((await server.counters()).dbStatements ?? 0) - statementsBefore;
  return {
    fleet,
    ids,
    connected,
    rssBefore,
    rssAfter,
    treeRssBefore,
    heapBefore,
    heapAfter,
    statementsPerConnection: Math.round((statements / Math.max(1, connected.ok)) * 100) / 100,
  };
}
export type Connected = Awaited<ReturnType<typeof connectLoad>>;

/** Fires `triggers` mutations at `rate`/s (open loop) round-robin over the issues, then collects. */
export async function fire(
  server: ServerProc,
  conn: Connected,
  scenario: string,
  load: Load,
  triggers: number,
  rate: number,
): Promise<Measurement> {
  const perIssue = new Map<number, number>();
  const plan: PlannedTrigger[] = [];
  const usernames: string[][] = [];
  for (let k = 0; k < triggers; k += 1) {
    const issueId = conn.ids[k % conn.ids.length] ?? 1;
    const c = perIssue.get(issueId) ?? 0;
    perIssue.set(issueId, c + 1);
    usernames.push(assigneesFor(c));
    plan.push({ issueId, key: assigneeKey(assigneesFor(c)) });
  }
  await conn.fleet.arm(plan);
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const profiling = profileDir !== undefined && PROFILED.includes(server.mode);
  const profile = `${profileDir}/${scenario}-${server.mode}-${Date.now()}.cpuprofile`;
  if (profiling) await server.profileStart();
  const before = await server.counters();
  const cpuBefore = server.cpuSec();
  const sendTimes: number[] = [];
  /** Mutation round trips (request sent → response read), to split latency into write and push. */
  const mutationMs: number[] = [];
  const pending: Promise<void>[] = [];
  const start = nowMs() + 20;
  for (let k = 0; k < triggers; k += 1) {
    const at = start + (k * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, at - nowMs())));
    sendTimes.push(nowMs());
    const t = plan[k];
    const sentAt = nowMs();
    if (t)
      pending.push(
        mutate(server, t.issueId, usernames[k] ?? []).then(() => {
          mutationMs.push(nowMs() - sentAt);
        }),
      );
  }
  const sentMs = nowMs() - start;
  await Promise.all(pending);
  const got = await conn.fleet.collect(sendTimes, 30_000);
  const cpu = server.cpuSec() - cpuBefore;
  if (profiling) await server.profileStop(profile);
  const after = await server.counters();
  const per = (n: number) => Math.round((n / triggers) * 100) / 100;
  return {
    scenario,
    mode: server.mode,
    subscribers: load.subscribers,
    issues: conn.ids.length,
    triggers,
    ratePerSec: rate,
    latency: summarize(got.latencies),
    mutation: summarize(mutationMs),
    expected: got.expected,
    delivered: got.delivered,
    lost: got.expected - got.delivered,
    wrong: got.wrong,
    closed: got.closed,
    deliveriesPerSec: Math.round(got.delivered / ((sentMs + 1000 / rate) / 1000)),
    connect: {
      ok: conn.connected.ok,
      failed: conn.connected.failed,
      wallMs: conn.connected.wallMs,
      ...summarize(conn.connected.connectMs),
    },
    rssBeforeMb: mb(conn.rssBefore),
    rssAfterMb: mb(conn.rssAfter),
    treeRssBeforeMb: mb(conn.treeRssBefore),
    probed: server.mode !== 'x2',
    dbStatementsPerConnection: conn.statementsPerConnection,
    kbPerConnection:
      Math.round(((conn.rssAfter - conn.rssBefore) / Math.max(1, conn.connected.ok)) * 100) / 100,
    heapKbPerConnection:
      Math.round(
        ((conn.heapAfter - conn.heapBefore) / 1024 / Math.max(1, conn.connected.ok)) * 100,
      ) / 100,
    cpuMsPerTrigger: Math.round((cpu * 1000 * 10) / triggers) / 10,
    perTrigger: {
      executions: per(after.executions - before.executions),
      reads: per(after.reads - before.reads),
      deliveryReads: per(after.deliveryReads - before.deliveryReads),
      publishes: per(after.publishes - before.publishes),
      topicPublishes: per(
        (after.publishesByField.issueUpdated ?? 0) - (before.publishesByField.issueUpdated ?? 0),
      ),
      dbStatements: per((after.dbStatements ?? 0) - (before.dbStatements ?? 0)),
      deliveryDbStatements: per(
        (after.deliveryDbStatements ?? 0) - (before.deliveryDbStatements ?? 0),
      ),
      credentialDbStatements: per(
        (after.credentialDbStatements ?? 0) - (before.credentialDbStatements ?? 0),
      ),
    },
    phasesMs: after.phasesMs,
    ...(profiling ? { profile } : {}),
    latencies: got.latencies,
  };
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;
