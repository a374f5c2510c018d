import { WebSocket, type RawData } from 'ws';

import { CABLE } from '@shared/cable/protocol.js';

import { TEST_ORIGIN } from './start-test-server.js';

export type Frame = Record<string, unknown>;

export interface CableClientOptions {
  protocols?: string[];
  origin?: string | null;
  /** Path and query after the server URL; defaults to the mount path. */
  path?: string;
  headers?: Record<string, string>;
  /** false: never answer WebSocket pings (a dead peer, as seen from the server). */
  autoPong?: boolean;
}

/**
 * A raw frame-level Action Cable client for protocol tests: it records every frame and lets a
 * test wait for the next one matching a predicate. No sleeps: every wait is a promise that
 * settles on a frame or on close (with a timeout that fails the test with the frames seen).
 */
export class CableClient {
  readonly frames: Frame[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: RawData) => {
      this.frames.push(JSON.parse(rawToString(data)) as Frame);
      this.notify();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.notify();
    });
  }

  /** Opens a socket and resolves once the handshake is done (before any frame). */
  static connect(url: string, options: CableClientOptions = {}): Promise<CableClient> {
    const wsUrl = url.replace(/^http/, 'ws') + (options.path ?? CABLE.mountPath);
    const protocols = options.protocols ?? [CABLE.protocol, CABLE.unsupportedProtocol];
    const origin = options.origin === undefined ? TEST_ORIGIN : options.origin;
    const ws = new WebSocket(wsUrl, protocols, {
      ...(origin === null ? {} : { origin }),
      headers: options.headers ?? {},
      autoPong: options.autoPong ?? true,
    });
    const client = new CableClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  send(frame: Frame | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  sendBinary(bytes: Uint8Array): void {
    this.ws.send(bytes, { binary: true });
  }

  subscribe(identifier: string): void {
    this.send({ command: 'subscribe', identifier });
  }

  perform(identifier: string, data: Frame): void {
    this.send({ command: 'message', identifier, data: JSON.stringify(data) });
  }

  /** Resolves with the next unread frame that matches (frames before it are skipped). */
  async next(predicate: (frame: Frame) => boolean = () => true, timeoutMs = 5_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.frames.length) {
        const frame = this.frames[this.cursor++] as Frame;
        if (predicate(frame)) return frame;
      }
      if (this.closed)
        throw new Error(`socket closed while waiting; frames: ${JSON.stringify(this.frames)}`);
      await this.waitForActivity(deadline);
    }
  }

  /** Next frame that is not a ping. */
  nextNonPing(timeoutMs?: number): Promise<Frame> {
    return this.next((frame) => frame.type !== 'ping', timeoutMs);
  }

  /** Resolves when the socket closes. */
  async waitForClose(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) await this.waitForActivity(deadline);
    return this.closed;
  }

  /** Drops the frames next() has already passed, so a long test does not hold them all. */
  discardRead(): void {
    this.frames.splice(0, this.cursor);
    this.cursor = 0;
  }

  /** Frames not yet consumed by next(), without pings. */
  unread(): Frame[] {
    return this.frames.slice(this.cursor).filter((frame) => frame.type !== 'ping');
  }

  close(): void {
    this.ws.close();
  }

  private waitForActivity(deadline: number): Promise<void> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      return Promise.reject(new Error(`timed out; frames so far: ${JSON.stringify(this.frames)}`));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out; frames so far: ${JSON.stringify(this.frames)}`)),
        remaining,
      );
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/** The identifier ActionCableLink builds: `{"channel":"GraphqlChannel","channelId":…}`. */
export function graphqlIdentifier(channelId: string): string {
  return JSON.stringify({ channel: 'GraphqlChannel', channelId });
}
