/**
 * What the load generator and the orchestrator agree on: the sidebar's document, the assignee
 * sets the triggers cycle through, and the IPC messages between the orchestrator, the load
 * workers and the server processes.
 */
import { print } from 'graphql';

import { IssueDocument, IssueUpdatedDocument } from '../../shared/graphql/generated/operations.js';

export const SUBSCRIPTION_QUERY = print(IssueUpdatedDocument);
export const ISSUE_QUERY = print(IssueDocument);
export const PROJECT_PATH = 'gitlab-org/gitlab-test';
export const SET_ASSIGNEES =
  'mutation($p: ID!, $i: String!, $u: [String!]!) { issueSetAssignees(input: {projectPath: $p, iid: $i, assigneeUsernames: $u}) { errors } }';

const PEOPLE = ['alice', 'bob', 'carol', 'dave'] as const;

/**
 * Trigger k sets the assignees to subset (k mod 15) + 1 of four people, so consecutive triggers
 * on an issue always change the data and a frame names the trigger it answers (the issue is
 * reset to no assignees before subscribers connect).
 */
export function assigneesFor(k: number): string[] {
  const mask = (k % 15) + 1;
  return PEOPLE.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** Canonical key of an assignee list (sorted usernames). */
export function assigneeKey(usernames: readonly string[]): string {
  return [...usernames].sort().join(',');
}

export const issueGid = (id: number): string => `gid://gitlab/Issue/${id}`;

/** Bench servers create their extra issues from this id on, with iid = id. */
export const FIRST_CREATED_ISSUE_ID = 25;

/**
 * The first `count` issue ids the benchmark may use: issues whose id equals their iid in the seed
 * project (subscriptions name the id, mutations the iid) and that anonymous viewers may read.
 * That is the seed's public issues except the confidential 10 and 21, then the issues the bench
 * servers create from id 25 on (ids 22–24 are the seed's private project).
 */
export function benchIssueIds(count: number): number[] {
  const ids: number[] = [];
  for (let id = 1; ids.length < count; id += 1) {
    if (id !== 10 && (id < 21 || id >= FIRST_CREATED_ISSUE_ID)) ids.push(id);
  }
  return ids;
}

export type Protocol = 'cable' | 'graphql-ws';

/** One trigger of a run: the issue it changes and the assignees it sets. */
export interface PlannedTrigger {
  issueId: number;
  key: string;
}

/** Orchestrator → load worker. */
export type WorkerCommand =
  | {
      type: 'connect';
      url: string;
      origin: string;
      protocol: Protocol;
      /** Issue id of each client of this worker. */
      issueIds: number[];
      ratePerSec: number;
      timeoutMs: number;
    }
  | { type: 'arm'; plan: PlannedTrigger[] }
  | { type: 'collect'; sendTimes: number[]; graceMs: number }
  | { type: 'close' };

/** Load worker → orchestrator. */
export type WorkerReply =
  | { type: 'connected'; ok: number; failed: number; connectMs: number[] }
  | { type: 'armed' }
  | {
      type: 'collected';
      latencies: number[];
      expected: number;
      delivered: number;
      wrong: number;
      closed: number;
    }
  | { type: 'closed' };

/** Counters a server process reports over IPC (the baseline reports what it can). */
export interface ServerCounters {
  /** Engine publishes (all fields; the mutation announces issueUpdated and issuableAssigneesUpdated). */
  publishes: number;
  /** Publishes per subscription field (topic family). */
  publishesByField: Record<string, number>;
  executions: number;
  deliveries: number;
  /** Repository and identity reads outside the fan-out: the mutation's own (auth, checks, write). */
  reads: number;
  /** Reads made while delivering an event (authorization of the subscribers, resolvers). */
  deliveryReads: number;
  /** Statements sent to the database outside the fan-out (each one a round trip). */
  dbStatements?: number;
  /** Statements sent to the database while delivering an event. */
  deliveryDbStatements?: number;
  /**
   * Of `dbStatements`, those of credential reads (a session or token looked up, a token's use
   * recorded): the credential cache makes them once per credential per 10 s, not per request.
   */
  credentialDbStatements?: number;
  /**
   * Medians since the last snapshot, ms after the mutation's request arrived: issueUpdated
   * published, fan-out started, last frame written, response finished.
   */
  phasesMs?: {
    publish: number;
    fanoutStart: number;
    fanoutEnd: number;
    response: number;
    responseP99: number;
    /** GraphQL POSTs answered since the last snapshot. */
    requests: number;
  };
}

/** Orchestrator → server process, and its replies. */
export type ServerCommand =
  | { type: 'stats' }
  | { type: 'gc' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string };
export type ServerReply =
  | { type: 'stats'; counters: ServerCounters }
  | { type: 'gc-done'; heapUsed: number }
  | { type: 'profile-started' }
  | { type: 'profile-written'; file: string };

/**
 * Wall-clock milliseconds, comparable across processes. Date.now (1 ms resolution), not
 * performance.timeOrigin + performance.now(): each process samples its timeOrigin once, and a
 * clock slewed meanwhile made a long-lived orchestrator disagree with fresh workers by tens of ms
 * (negative latencies in a spread run).
 */
export const nowMs = (): number => Date.now();
