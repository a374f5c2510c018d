/**
 * A load-generator process: opens its share of clients (Action Cable or graphql-ws), records
 * when each trigger's push arrives and checks its assignees. Driven by the orchestrator over
 * IPC; exits when the orchestrator goes away or after an hour, whatever happens.
 */
import { randomUUID } from 'node:crypto';

import WebSocket from 'ws';

import {
  SUBSCRIPTION_QUERY,
  assigneeKey,
  issueGid,
  nowMs,
  type PlannedTrigger,
  type Protocol,
  type WorkerCommand,
  type WorkerReply,
} from './lib/protocol.js';

interface Client {
  ws: WebSocket;
  issueId: number;
  ready: boolean;
  closed: boolean;
  /** Arrival time per trigger of this client's issue (0 = not yet). */
  arrivals: Float64Array;
  low: number;
  /** Resolves once the first payload arrived or the socket closed. */
  settled: Promise<void>;
  settle: () => void;
}

const clients: Client[] = [];
let plan: PlannedTrigger[] = [];
let byIssue = new Map<number, number[]>();
let wrong = 0;

const reply = (message: WorkerReply) => process.send?.(message);
const lifetime = setTimeout(() => process.exit(2), 60 * 60 * 1000);
lifetime.unref();
process.on('disconnect', () => process.exit(0));

interface IssuePayload {
  assignees?: { nodes?: { username?: string }[] };
}

function onUpdate(client: Client, issue: IssuePayload | null | undefined): void {
  if (!client.ready) {
    client.ready = true;
    client.settle();
    return;
  }
  const key = assigneeKey((issue?.assignees?.nodes ?? []).map((n) => n.username ?? '?'));
  const ks = byIssue.get(client.issueId) ?? [];
  for (let j = client.low; j < ks.length; j += 1) {
    if (client.arrivals[j] === 0 && plan[ks[j] ?? -1]?.key === key) {
      client.arrivals[j] = nowMs();
      while (client.low < ks.length && client.arrivals[client.low] !== 0) client.low += 1;
      return;
    }
  }
  wrong += 1;
}

type Frame = {
  type?: string;
  id?: string;
  message?: { result?: { data?: { issueUpdated?: IssuePayload | null } } };
  payload?: { data?: { issueUpdated?: IssuePayload | null } };
};

function open(url: string, origin: string, protocol: Protocol, issueId: number): Client {
  const variables = { issueId: issueGid(issueId) };
  const ws =
    protocol === 'cable'
      ? new WebSocket(url, ['actioncable-v1-json', 'actioncable-unsupported'], {
          headers: { Origin: origin },
          perMessageDeflate: false,
        })
      : new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
  let settle = () => undefined as void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const client: Client = {
    ws,
    issueId,
    ready: false,
    closed: false,
    arrivals: new Float64Array(0),
    low: 0,
    settled,
    settle,
  };
  const identifier = JSON.stringify({ channel: 'GraphqlChannel', channelId: randomUUID() });
  ws.on('open', () => {
    if (protocol === 'graphql-ws') ws.send(JSON.stringify({ type: 'connection_init' }));
  });
  ws.on('message', (raw: Buffer) => {
    const frame = JSON.parse(raw.toString()) as Frame;
    if (protocol === 'cable') {
      if (frame.type === 'welcome') {
        ws.send(JSON.stringify({ command: 'subscribe', identifier }));
      } else if (frame.type === 'confirm_subscription') {
        const data = JSON.stringify({
          query: SUBSCRIPTION_QUERY,
          variables,
          operationName: 'issueUpdated',
          action: 'execute',
        });
        ws.send(JSON.stringify({ command: 'message', identifier, data }));
      } else if (frame.message?.result) {
        onUpdate(client, frame.message.result.data?.issueUpdated);
      }
    } else if (frame.type === 'connection_ack') {
      const payload = { query: SUBSCRIPTION_QUERY, variables, operationName: 'issueUpdated' };
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload }));
    } else if (frame.type === 'next') {
      onUpdate(client, frame.payload?.data?.issueUpdated);
    } else if (frame.type === 'ping') {
      ws.send(JSON.stringify({ type: 'pong' }));
    }
  });
  ws.on('error', () => undefined);
  ws.on('close', () => {
    client.closed = true;
    client.settle();
  });
  return client;
}

async function connectAll(command: Extract<WorkerCommand, { type: 'connect' }>): Promise<void> {
  const started = nowMs();
  const connectMs: number[] = [];
  let failed = 0;
  await Promise.all(
    command.issueIds.map(async (issueId, i) => {
      const at = started + (i * 1000) / command.ratePerSec;
      await new Promise((r) => setTimeout(r, Math.max(0, at - nowMs())));
      const t0 = nowMs();
      const client = open(command.url, command.origin, command.protocol, issueId);
      clients.push(client);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((r) => (timer = setTimeout(r, command.timeoutMs)));
      await Promise.race([client.settled, timeout]);
      clearTimeout(timer);
      if (client.ready) connectMs.push(nowMs() - t0);
      else {
        failed += 1;
        client.ws.terminate();
      }
    }),
  );
  reply({ type: 'connected', ok: connectMs.length, failed, connectMs });
}

async function collect(sendTimes: number[], graceMs: number): Promise<void> {
  const expectedOf = (c: Client) => byIssue.get(c.issueId)?.length ?? 0;
  const deadline = nowMs() + graceMs;
  const complete = () => clients.every((c) => !c.ready || c.low >= expectedOf(c));
  while (!complete() && nowMs() < deadline) await new Promise((r) => setTimeout(r, 20));
  const latencies: number[] = [];
  let expected = 0;
  for (const c of clients) {
    if (!c.ready) continue;
    const ks = byIssue.get(c.issueId) ?? [];
    expected += ks.length;
    ks.forEach((k, j) => {
      const at = c.arrivals[j] ?? 0;
      if (at > 0) latencies.push(Math.round((at - (sendTimes[k] ?? at)) * 100) / 100);
    });
  }
  const closed = clients.filter((c) => c.closed && c.ready).length;
  reply({ type: 'collected', latencies, expected, delivered: latencies.length, wrong, closed });
}

process.on('message', (command: WorkerCommand) => {
  if (command.type === 'connect') void connectAll(command);
  else if (command.type === 'arm') {
    plan = command.plan;
    byIssue = new Map();
    plan.forEach((t, k) => byIssue.set(t.issueId, [...(byIssue.get(t.issueId) ?? []), k]));
    for (const c of clients) {
      c.arrivals = new Float64Array(byIssue.get(c.issueId)?.length ?? 0);
      c.low = 0;
    }
    wrong = 0;
    reply({ type: 'armed' });
  } else if (command.type === 'collect') void collect(command.sendTimes, command.graceMs);
  else {
    for (const c of clients) c.ws.terminate();
    reply({ type: 'closed' });
    setTimeout(() => process.exit(0), 50);
  }
});
