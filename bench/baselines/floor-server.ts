/**
 * Floor (f): the least any server must do on this machine to push an assignee change to N Action
 * Cable subscribers — `ws` without compression, one JSON serialization per trigger, one `send` per
 * subscriber. No GraphQL (the mutation's variables are read straight off the body, nothing is
 * parsed, validated or executed), no database, no authentication, no grouping logic. It speaks just
 * enough Action Cable for bench/worker.ts, and its frames have the shape and size of (a)'s
 * IssueUpdated frames. What is left — socket writes, loopback, and the load workers reading
 * 1k–10k sockets on the same 2 cores — is the floor under every latency target of issue #9: a/f
 * is what (a) could still win, and a target below (f) cannot be met on this machine.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebSocketServer, type WebSocket } from 'ws';

import { seedIssues, seedUsers } from '../../server/src/db/seed-data.js';
import {
  benchIssueIds,
  type ServerCommand,
  type ServerCounters,
  type ServerReply,
} from '../lib/protocol.js';

/** The sidebar's IssueUpdated selection (shared/graphql/documents/issue-updated.subscription.graphql). */
interface User {
  id: string;
  avatarUrl: string;
  name: string;
  username: string;
  webUrl: string;
}
interface Issue {
  id: string;
  title: string;
  description: string;
  updatedAt: string;
  updatedBy: User | null;
  assignees: { nodes: User[] };
}

const users = new Map<string, User>();
seedUsers.forEach(({ username, name }, i) => {
  const id = `gid://gitlab/User/${i + 1}`;
  users.set(username, {
    id,
    avatarUrl: `/avatars/${username}.svg`,
    name,
    username,
    webUrl: `/${username}`,
  });
});
const issues = new Map<number, Issue>();
const lastId = Math.max(20, ...benchIssueIds(Number(process.env.BENCH_ISSUES ?? 20)));
for (let iid = 1; iid <= lastId; iid += 1) {
  const seed = seedIssues.find((i) => i.iid === iid);
  issues.set(iid, {
    id: `gid://gitlab/Issue/${iid}`,
    title: seed?.title ?? `Benchmark issue ${iid}`,
    description: seed?.description ?? 'Created by bench/server-entry.ts',
    updatedAt: new Date().toISOString(),
    updatedBy: null,
    assignees: { nodes: (seed?.assignees ?? []).flatMap((n) => users.get(n) ?? []) },
  });
}

/** A subscription: its socket and the frame's head, `{"identifier":…,"message":`. */
interface Subscriber {
  ws: WebSocket;
  head: string;
}
const topics = new Map<number, Set<Subscriber>>();
const messageOf = (issue: Issue) =>
  JSON.stringify({ result: { data: { issueUpdated: issue } }, more: true });

// Executions and reads stay 0: there is no GraphQL and no database.
const counters: ServerCounters = {
  publishes: 0,
  publishesByField: {},
  executions: 0,
  deliveries: 0,
  reads: 0,
  deliveryReads: 0,
};
const phases = { fanoutStart: [] as number[], fanoutEnd: [] as number[], response: [] as number[] };
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round((sorted[rank] ?? 0) * 100) / 100;
};

function onCommand(ws: WebSocket, raw: Buffer, subscribed: [Set<Subscriber>, Subscriber][]) {
  const c = JSON.parse(raw.toString()) as { command?: string; identifier?: unknown; data?: string };
  if (typeof c.identifier !== 'string') throw new Error('no identifier');
  if (c.command === 'subscribe') {
    ws.send(JSON.stringify({ identifier: c.identifier, type: 'confirm_subscription' }));
    return;
  }
  const data = JSON.parse(c.data ?? '{}') as { action?: string; variables?: { issueId?: string } };
  const id = Number(data.variables?.issueId?.split('/').pop());
  const issue = issues.get(id);
  if (c.command !== 'message' || data.action !== 'execute' || !issue)
    throw new Error(`expected an execute of a known issue, got ${c.command} ${data.action} ${id}`);
  const subscriber = { ws, head: `{"identifier":${JSON.stringify(c.identifier)},"message":` };
  const topic = topics.get(id) ?? new Set<Subscriber>();
  topics.set(id, topic.add(subscriber));
  subscribed.push([topic, subscriber]);
  ws.send(`${subscriber.head}${messageOf(issue)}}`);
}

/** The bench's SET_ASSIGNEES: variables only, one serialization, one send per subscriber. */
function setAssignees(body: string, t0: number): void {
  const { variables } = JSON.parse(body) as { variables?: { i?: string; u?: unknown } };
  const id = Number(variables?.i);
  const issue = issues.get(id);
  const usernames = variables?.u;
  if (!issue || !Array.isArray(usernames)) throw new Error('expected variables i (known iid), u');
  issue.assignees = { nodes: usernames.flatMap((n) => users.get(String(n)) ?? []) };
  issue.updatedAt = new Date().toISOString();
  issue.updatedBy = users.get('root') ?? null;
  const message = messageOf(issue);
  counters.publishes += 1;
  counters.publishesByField.issueUpdated = (counters.publishesByField.issueUpdated ?? 0) + 1;
  phases.fanoutStart.push(performance.now() - t0);
  for (const s of topics.get(id) ?? []) s.ws.send(`${s.head}${message}}`);
  counters.deliveries += topics.get(id)?.size ?? 0;
  phases.fanoutEnd.push(performance.now() - t0);
}

/** The answer to the bench's initial sidebar query, or undefined for any other body. */
function sidebarQuery(body: string): string | undefined {
  const { variables } = JSON.parse(body) as { variables?: { fullPath?: string; iid?: string } };
  if (variables?.fullPath === undefined) return undefined;
  const issue = issues.get(Number(variables.iid));
  return JSON.stringify({ data: { project: { id: 'gid://gitlab/Project/1', issue } } });
}

const http = createServer((req, res) => {
  const t0 = performance.now();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== '/api/graphql') return void res.writeHead(404).end();
    try {
      const body = Buffer.concat(chunks).toString();
      // The sidebar's initial query (variables fullPath, iid): the issue serialized, nothing else.
      const query = sidebarQuery(body);
      if (query !== undefined) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(query, () => phases.response.push(performance.now() - t0));
      }
      setAssignees(body, t0);
    } catch (error) {
      console.error(`floor: bad mutation: ${String(error)}`);
      return void res.writeHead(400).end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":{"issueSetAssignees":{"errors":[]}}}', () =>
      phases.response.push(performance.now() - t0),
    );
  });
});
const wss = new WebSocketServer({ server: http, path: '/-/cable', perMessageDeflate: false });
wss.on('connection', (ws) => {
  const subscribed: [Set<Subscriber>, Subscriber][] = [];
  ws.send('{"type":"welcome"}');
  ws.on('message', (raw: Buffer) => {
    try {
      onCommand(ws, raw, subscribed);
    } catch (error) {
      console.error(`floor: bad cable command: ${String(error)}`);
    }
  });
  ws.on('close', () => subscribed.forEach(([topic, s]) => topic.delete(s)));
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  console.log(`\n  Ready: http://localhost:${port}/-/cable\n`);
});

const send = (message: ServerReply) => process.send?.(message);
process.on('message', (command: ServerCommand) => {
  if (command.type === 'stats') {
    const { fanoutStart, fanoutEnd, response } = phases;
    const publish = quantile(fanoutStart, 0.5);
    counters.phasesMs = {
      publish,
      fanoutStart: publish,
      fanoutEnd: quantile(fanoutEnd, 0.5),
      response: quantile(response, 0.5),
      responseP99: quantile(response, 0.99),
      requests: response.length,
    };
    send({ type: 'stats', counters }); // serialized on the spot
    for (const list of Object.values(phases)) list.length = 0;
  } else if (command.type === 'gc') {
    globalThis.gc?.();
    globalThis.gc?.();
    send({ type: 'gc-done', heapUsed: process.memoryUsage().heapUsed });
  } // no CPU profiles: bench/lib/scenarios.ts does not ask (f) for one
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
