/**
 * Baseline (c): what a Node team would build instead — `graphql-ws` on `ws` with
 * `graphql-subscriptions`' PubSub, serving the same SDL. Data is an in-memory copy of the seed
 * (no database), so this baseline pays nothing for storage. Each event is executed once per
 * subscriber, as graphql-ws does. Same IPC as bench/server-entry.ts; `BENCH_ISSUES` adds issues.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { buildSchema, graphql } from 'graphql';
import { PubSub } from 'graphql-subscriptions';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import { attachResolvers } from '../../server/src/graphql/attach-resolvers.js';
import { seedIssues, seedProject, seedUsers } from '../../server/src/db/seed-data.js';
import {
  benchIssueIds,
  type ServerCommand,
  type ServerCounters,
  type ServerReply,
} from '../lib/protocol.js';

interface User {
  id: number;
  username: string;
  name: string;
}
interface Issue {
  id: number;
  iid: number;
  title: string;
  description: string;
  state: string;
  confidential: boolean;
  author: User;
  assignees: User[];
  createdAt: Date;
  updatedAt: Date;
}

const users: User[] = seedUsers.map((u, i) => ({ id: i + 1, username: u.username, name: u.name }));
const userNamed = (name: string) => users.find((u) => u.username === name);
const issues = new Map<number, Issue>();
// Every id the load may name (`benchIssueIds`), with id = iid as on the real server.
const wanted = Math.max(20, ...benchIssueIds(Number(process.env.BENCH_ISSUES ?? 20)));
for (let iid = 1; iid <= wanted; iid += 1) {
  const seed = seedIssues.find((i) => i.iid === iid);
  issues.set(iid, {
    id: iid,
    iid,
    title: seed?.title ?? `Benchmark issue ${iid}`,
    description: seed?.description ?? 'Created by the baseline',
    state: seed?.state ?? 'opened',
    confidential: seed?.confidential ?? false,
    author: userNamed(seed?.author ?? 'root') ?? users[0]!,
    assignees: (seed?.assignees ?? []).flatMap((n) => userNamed(n) ?? []),
    createdAt: new Date(),
    updatedAt: new Date(),
  });
}

const counters: ServerCounters = {
  publishes: 0,
  publishesByField: {},
  executions: 0,
  deliveries: 0,
  reads: 0,
  deliveryReads: 0,
};
const eventEmitter = new EventEmitter().setMaxListeners(0);
const pubsub = new PubSub<Record<string, { issueUpdated: Issue }>>({ eventEmitter });
const topic = (id: number) => `issueUpdated:${id}`;
const project = { id: 1, name: seedProject.name, fullPath: seedProject.fullPath };
const idOf = (gid: string) => Number(gid.split('/').pop());

async function* issueStream(id: number): AsyncGenerator<{ issueUpdated: Issue | null }> {
  const events = pubsub.asyncIterableIterator<{ issueUpdated: Issue }>(topic(id));
  const first = events.next(); // subscribes before the current state is sent
  yield { issueUpdated: issues.get(id) ?? null };
  try {
    for (let e = await first; !e.done; e = await events.next()) yield e.value;
  } finally {
    void events.return();
  }
}

const resolvers = {
  Query: {
    project: (_: unknown, a: { fullPath: string }) =>
      a.fullPath === project.fullPath ? project : null,
    currentUser: () => null,
  },
  Project: {
    id: () => 'gid://gitlab/Project/1',
    webUrl: () => `/${project.fullPath}`,
    issue: (_: unknown, a: { iid: string }) => issues.get(Number(a.iid)) ?? null,
    issues: () => ({ count: issues.size, nodes: [...issues.values()].slice(0, 50) }),
    autocompleteUsers: () => users,
  },
  Issue: {
    id: (i: Issue) => `gid://gitlab/Issue/${i.id}`,
    iid: (i: Issue) => String(i.iid),
    webUrl: (i: Issue) => `/${project.fullPath}/-/issues/${i.iid}`,
    assignees: (i: Issue) => ({ count: i.assignees.length, nodes: i.assignees }),
    createdAt: (i: Issue) => i.createdAt.toISOString(),
    updatedAt: (i: Issue) => i.updatedAt.toISOString(),
    userPermissions: () => ({ updateIssue: true }),
    // The sidebar's other fields, as the shipped server answers for an issue without them.
    confidential: () => false,
    labels: () => ({ count: 0, nodes: [] }),
    milestone: () => null,
    dueDate: () => null,
  },
  UserCore: {
    id: (u: User) => `gid://gitlab/User/${u.id}`,
    avatarUrl: (u: User) => `/avatars/${u.username}.svg`,
    webUrl: (u: User) => `/${u.username}`,
    webPath: (u: User) => `/${u.username}`,
    status: () => null,
  },
  User: { __resolveType: () => 'UserCore' },
  Issuable: { __resolveType: () => 'Issue' },
  Mutation: {
    issueSetAssignees: async (
      _: unknown,
      a: { input: { iid: string; assigneeUsernames: string[] } },
    ) => {
      const current = issues.get(Number(a.input.iid));
      if (!current) return { issue: null, errors: ['Issue not found'] };
      const issue = {
        ...current,
        assignees: a.input.assigneeUsernames.flatMap((n) => userNamed(n) ?? []),
        updatedAt: new Date(),
      };
      issues.set(issue.id, issue);
      counters.publishes += 1;
      counters.publishesByField.issueUpdated = (counters.publishesByField.issueUpdated ?? 0) + 1;
      await pubsub.publish(topic(issue.id), { issueUpdated: issue });
      return { issue, errors: [] };
    },
  },
  Subscription: {
    issueUpdated: {
      subscribe: (_: unknown, a: { issueId: string }) => issueStream(idOf(a.issueId)),
      resolve: (payload: { issueUpdated: Issue | null }) => {
        counters.executions += 1;
        counters.deliveries += 1;
        return payload.issueUpdated;
      },
    },
    issuableAssigneesUpdated: { subscribe: () => issueStream(0) },
  },
};

const typeDefs = readFileSync(
  new URL('../../shared/graphql/schema.graphql', import.meta.url),
  'utf8',
);
const schema = attachResolvers(buildSchema(typeDefs), resolvers);

const http = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== '/api/graphql') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString()) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    void graphql({ schema, source: body.query, variableValues: body.variables }).then((r) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r));
    });
  });
});
const wss = new WebSocketServer({ server: http, path: '/graphql', perMessageDeflate: false });
useServer({ schema }, wss);
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  console.log(`\n  Ready: http://localhost:${port}/graphql\n`);
});

const send = (message: ServerReply) => process.send?.(message);
process.on('message', (command: ServerCommand) => {
  if (command.type === 'stats') send({ type: 'stats', counters: { ...counters } });
  else {
    globalThis.gc?.();
    globalThis.gc?.();
    send({ type: 'gc-done', heapUsed: process.memoryUsage().heapUsed });
  }
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
