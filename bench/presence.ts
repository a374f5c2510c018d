/**
 * Presence traffic on one hot issue: N anonymous viewers (each a cable connection with
 * `issueUpdated` and `issuableViewersUpdated` on issue #1), then churn: each worker closes one
 * viewer every 100 ms (10 presence changes a second per worker; a leave and a join in the same
 * flush would cancel out and push nothing) for a while. Reports the presence messages each
 * remaining connection received per second during the churn: coalescing keeps it <= 1.
 *
 *   npx tsx bench/presence.ts --viewers 1000 [--seconds 10] [--workers 2]
 *
 * Starts its own server (`server/src/main.ts`, in-memory PGlite, in-process presence) on a free
 * port; the viewers are spread over worker processes.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import WebSocket from 'ws';

const ISSUE = 'gid://gitlab/Issue/1';
const VIEWED = 'subscription($id: IssueID!) { issueUpdated(issueId: $id) { id updatedAt } }';
const PRESENCE =
  'subscription($id: IssuableID!) { issuableViewersUpdated(issuableId: $id) { ... on Issue { id viewers { anonymousCount } } } }';

type ToWorker = { type: 'open'; url: string; count: number } | { type: 'churn'; ms: number };
type FromWorker =
  | { type: 'opened'; ok: number }
  | { type: 'counted'; presence: number; connections: number; ms: number };

/** One viewer: opens, subscribes both, counts presence frames after its first payload. */
function openViewer(url: string, onPresence: () => void): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/-/cable`, ['actioncable-v1-json'], {
    origin: url,
  });
  return new Promise((resolve, reject) => {
    let firsts = 0;
    ws.on('message', (raw: Buffer) => {
      const frame = JSON.parse(raw.toString()) as {
        type?: string;
        identifier?: string;
        message?: unknown;
      };
      if (frame.type === 'welcome') {
        for (const [channelId, query, variables] of [
          ['v', VIEWED, { id: ISSUE }],
          ['p', PRESENCE, { id: ISSUE }],
        ] as const) {
          const identifier = JSON.stringify({ channel: 'GraphqlChannel', channelId });
          ws.send(JSON.stringify({ command: 'subscribe', identifier }));
          ws.send(
            JSON.stringify({
              command: 'message',
              identifier,
              data: JSON.stringify({ query, variables, action: 'execute' }),
            }),
          );
        }
        return;
      }
      if (!frame.message || frame.type) return;
      if (frame.identifier?.includes('"p"')) {
        if (firsts >= 2) onPresence();
      }
      if (firsts < 2 && (firsts += 1) === 2) resolve(ws);
    });
    ws.once('error', reject);
  });
}

function worker(): void {
  const sockets: WebSocket[] = [];
  const received = new Map<WebSocket, number>();
  let counting = false;
  let url = '';
  const handle = async (command: ToWorker): Promise<void> => {
    if (command.type === 'open') {
      url = command.url;
      for (let i = 0; i < command.count; i += 50) {
        const batch = Math.min(50, command.count - i);
        const opened = await Promise.all(
          Array.from({ length: batch }, () => {
            let ws: WebSocket | undefined;
            const count = () => {
              if (counting && ws) received.set(ws, (received.get(ws) ?? 0) + 1);
            };
            return openViewer(url, count).then((open) => (ws = open));
          }),
        );
        sockets.push(...opened);
      }
      process.send?.({ type: 'opened', ok: sockets.length } satisfies FromWorker);
    } else {
      counting = true;
      const started = performance.now();
      const churn = setInterval(() => {
        // Leaving viewers stop counting: the count below is of the ones open throughout.
        sockets.shift()?.removeAllListeners('message').close();
      }, 100);
      await new Promise((resolve) => setTimeout(resolve, command.ms));
      clearInterval(churn);
      counting = false;
      let presence = 0;
      for (const ws of sockets) presence += received.get(ws) ?? 0;
      process.send?.({
        type: 'counted',
        presence,
        connections: sockets.length,
        ms: performance.now() - started,
      } satisfies FromWorker);
    }
  };
  process.on('message', (command: ToWorker) => void handle(command));
}

function ask(child: ChildProcess, command: ToWorker): Promise<FromWorker> {
  return new Promise((resolve) => {
    child.once('message', (reply: FromWorker) => resolve(reply));
    child.send(command);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      viewers: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '10' },
      workers: { type: 'string', default: '2' },
    },
  });
  const viewers = Number(values.viewers);
  const workers = Number(values.workers);
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: '',
      LOG_LEVEL: 'warn',
      CABLE_MAX_SUBSCRIPTIONS: '10',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Ready: (http:\/\/localhost:\d+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
  });
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({ length: workers }, () =>
    fork(self, ['--worker'], { execArgv: ['--import', 'tsx'] }),
  );
  try {
    const openedAt = performance.now();
    const share = Math.ceil(viewers / workers);
    const opened = await Promise.all(
      children.map((c) => ask(c, { type: 'open', url, count: share })),
    );
    const ok = opened.reduce((sum, r) => sum + (r.type === 'opened' ? r.ok : 0), 0);
    console.log(`${ok} viewers open in ${((performance.now() - openedAt) / 1000).toFixed(1)} s`);
    const counted = await Promise.all(
      children.map((c) => ask(c, { type: 'churn', ms: Number(values.seconds) * 1000 })),
    );
    let messages = 0;
    let connections = 0;
    let seconds = 0;
    for (const reply of counted) {
      if (reply.type !== 'counted') continue;
      messages += reply.presence;
      connections += reply.connections;
      seconds = Math.max(seconds, reply.ms / 1000);
    }
    const perConnection = messages / Math.max(connections, 1) / seconds;
    console.log(
      `churn ${workers * 10} changes/s for ${seconds.toFixed(1)} s: ${messages} presence messages ` +
        `to ~${connections} connections = ${perConnection.toFixed(2)} per connection per second`,
    );
  } finally {
    for (const child of children) child.kill();
    server.kill('SIGTERM');
  }
}

if (process.argv.includes('--worker')) void worker();
else await main();
