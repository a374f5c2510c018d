/**
 * What the benchmark measures inside the real server without changing it: read counts split
 * into the mutation's own and the delivery's (an AsyncLocalStorage marks the fan-out), publishes
 * per event field, database statements (round trips, bench/lib/db-probes.ts), and where the time of
 * a trigger goes (request → publish → fan-out start → last socket write → response). Installed by
 * bench/server-entry.ts only.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

import { TopicFanout } from '../../server/src/graphql/subscriptions/topic-fanout.js';
import type { RunningServer } from '../../server/src/start-server.js';

import { countDatabaseStatements } from './db-probes.js';
import type { ServerCounters } from './protocol.js';

const inDelivery = new AsyncLocalStorage<true>();
/** Marks a credential read (below the credential cache), to tell its statements apart. */
const inCredentialRead = new AsyncLocalStorage<true>();
/** The identity repository's reads and writes that authenticate a request. */
const CREDENTIAL_READS = ['findToken', 'findLiveSession', 'touchToken'] as const;
/** performance.now() when the HTTP request this work belongs to arrived. */
const requestStart = new AsyncLocalStorage<number>();

/** Wraps every method of `target`'s class except `writes`, counting calls by phase. */
function countReads(target: object, writes: readonly string[], counts: ServerCounters): void {
  const object = target as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(target))) {
    const original = object[name];
    if (name === 'constructor' || writes.includes(name) || typeof original !== 'function') continue;
    const method = original as (...args: unknown[]) => unknown;
    object[name] = (...args: unknown[]) => {
      if (inDelivery.getStore()) counts.deliveryReads += 1;
      else counts.reads += 1;
      return method.apply(target, args);
    };
  }
}

/** Runs the credential reads of `identity` (what the credential cache calls) marked as such. */
function markCredentialReads(identity: object): void {
  const object = identity as Record<string, unknown>;
  for (const name of CREDENTIAL_READS) {
    const original = object[name];
    if (typeof original !== 'function') continue;
    const method = original as (...args: unknown[]) => unknown;
    object[name] = (...args: unknown[]) =>
      inCredentialRead.run(true, () => method.apply(identity, args));
  }
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round((sorted[rank] ?? 0) * 100) / 100;
};
const median = (values: number[]): number => quantile(values, 0.5);

const counts: ServerCounters = {
  publishes: 0,
  executions: 0,
  deliveries: 0,
  reads: 0,
  deliveryReads: 0,
  publishesByField: {},
};
const statements = { mutation: 0, delivery: 0, credential: 0 };

/** Counts database statements from now on; call before the server opens its database. */
export function installDatabaseProbe(): void {
  countDatabaseStatements(() => {
    if (inDelivery.getStore()) statements.delivery += 1;
    else statements.mutation += 1;
    if (inCredentialRead.getStore()) statements.credential += 1;
  });
}

export function installProbes(server: RunningServer): () => ServerCounters {
  countReads(server.database.repository, ['updateAssignees', 'setConfidential'], counts);
  countReads(
    server.database.identity,
    ['createSession', 'revokeSession', 'createToken', 'revokeToken', 'touchToken'],
    counts,
  );
  markCredentialReads(server.database.identity);

  const phases = {
    publish: [] as number[],
    fanoutStart: [] as number[],
    fanoutEnd: [] as number[],
    response: [] as number[],
  };
  server.http.prependListener('request', (request, response) => {
    if (request.method !== 'POST' || request.url !== '/api/graphql') return;
    const t0 = performance.now();
    requestStart.enterWith(t0);
    response.once('finish', () => phases.response.push(performance.now() - t0));
  });

  const subscriptions = server.subscriptions;
  const trigger = subscriptions.trigger.bind(subscriptions);
  subscriptions.trigger = (field, args, object) => {
    counts.publishesByField[field] = (counts.publishesByField[field] ?? 0) + 1;
    const t0 = requestStart.getStore();
    if (t0 !== undefined && field === 'issueUpdated') phases.publish.push(performance.now() - t0);
    return trigger(field, args, object);
  };

  // The fan-out's private per-event step, wrapped to time it (bench instrumentation only).
  type Dispatch = (this: TopicFanout, event: unknown) => Promise<unknown>;
  const fanout = TopicFanout.prototype as unknown as { dispatch: Dispatch };
  const dispatch = fanout.dispatch;
  fanout.dispatch = function (this: TopicFanout, event: unknown) {
    const t0 = requestStart.getStore();
    if (t0 !== undefined) phases.fanoutStart.push(performance.now() - t0);
    return inDelivery
      .run(true, () => dispatch.call(this, event))
      .finally(() => {
        if (t0 !== undefined) phases.fanoutEnd.push(performance.now() - t0);
      });
  };

  return () => {
    const { publishes, executions, deliveries } = subscriptions.stats;
    const snapshot: ServerCounters = {
      ...counts,
      publishesByField: { ...counts.publishesByField },
      publishes,
      executions,
      deliveries,
      dbStatements: statements.mutation,
      deliveryDbStatements: statements.delivery,
      credentialDbStatements: statements.credential,
      phasesMs: {
        publish: median(phases.publish),
        fanoutStart: median(phases.fanoutStart),
        fanoutEnd: median(phases.fanoutEnd),
        response: median(phases.response),
        responseP99: quantile(phases.response, 0.99),
        requests: phases.response.length,
      },
    };
    for (const list of Object.values(phases)) list.length = 0;
    return snapshot;
  };
}
