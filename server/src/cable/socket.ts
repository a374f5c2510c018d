import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocket, WebSocketServer } from 'ws';

import { CABLE } from '@shared/cable/protocol.js';

import type { CableSocket } from './connection.js';

/**
 * The only module that imports `ws`: it negotiates the upgrade, adapts a `ws` socket to
 * {@link CableSocket}, and tracks WebSocket-level liveness (Rails has none).
 */

/**
 * Picks the subprotocol: `actioncable-v1-json` when offered, else `actioncable-unsupported`
 * (so an old or foreign client stops cleanly), never an app token added via `addSubProtocol`.
 */
export function selectProtocol(offered: ReadonlySet<string>): string | false {
  if (offered.has(CABLE.protocol)) return CABLE.protocol;
  if (offered.has(CABLE.unsupportedProtocol)) return CABLE.unsupportedProtocol;
  return false;
}

export class WsCableSocket implements CableSocket {
  private lastPongAt = Date.now();

  constructor(private readonly ws: WebSocket) {
    ws.on('pong', () => {
      this.lastPongAt = Date.now();
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  /** The subprotocol the handshake selected. */
  get protocol(): string {
    return this.ws.protocol;
  }

  send(text: string): void {
    this.ws.send(text);
  }

  close(code: number, reason?: string): void {
    this.ws.close(code, reason);
  }

  /**
   * Sends a WebSocket ping; terminates the socket (firing `close`, hence cleanup) when no
   * pong came back within `deadAfterMs`: a half-open TCP peer is reaped in bounded time.
   */
  checkLiveness(nowMs: number, deadAfterMs: number): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (nowMs - this.lastPongAt > deadAfterMs) {
      this.ws.terminate();
      return;
    }
    this.ws.ping();
  }
}

export interface UpgradeOptions {
  maxPayload: number;
  /** Decides before the upgrade: null upgrades, anything else is answered without upgrading. */
  refusal(request: IncomingMessage): { status: 404 | 503; text: string } | null;
  /** Socket errors (e.g. a frame over maxPayload); `close` always follows, so only log. */
  onSocketError(error: Error): void;
  onSocket(socket: WsCableSocket, request: IncomingMessage, events: SocketEvents): void;
}

export interface SocketEvents {
  onText(handler: (text: string) => void): void;
  onBinary(handler: () => void): void;
  onClose(handler: (code: number) => void): void;
}

/** Creates the upgrade handler for the cable's mount path. */
export function createUpgradeHandler(options: UpgradeOptions): {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
} {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload,
    perMessageDeflate: false,
    handleProtocols: (offered) => selectProtocol(offered),
  });

  return {
    handleUpgrade(request, socket, head) {
      const refusal = options.refusal(request);
      if (refusal) {
        refuseUpgrade(socket, refusal.status, refusal.text);
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request, options));
    },
    close() {
      wss.close();
    },
  };
}

/**
 * Answers an upgrade request without upgrading, and destroys the socket once the answer is
 * written: a refused client gets its status at once instead of a connection left open.
 */
export function refuseUpgrade(socket: Duplex, status: 404 | 503, text: string): void {
  const reason = status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    () => socket.destroy(),
  );
}

/**
 * Wires one upgraded socket. A separate function on purpose: listeners created inside the
 * upgrade callback would keep its scope alive, and with it the upgrade request (every header)
 * and its head buffer, for as long as the connection lives.
 */
function accept(ws: WebSocket, request: IncomingMessage, options: UpgradeOptions): void {
  // Without a listener an 'error' event would throw and crash the process.
  ws.on('error', (error) => options.onSocketError(error));
  options.onSocket(new WsCableSocket(ws), request, socketEvents(ws));
}

function socketEvents(ws: WebSocket): SocketEvents {
  return {
    onText: (handler) =>
      ws.on('message', (data, isBinary) => {
        if (!isBinary) handler(Buffer.concat(toBuffers(data)).toString('utf8'));
      }),
    onBinary: (handler) =>
      ws.on('message', (_data, isBinary) => {
        if (isBinary) handler();
      }),
    onClose: (handler) => ws.on('close', (code) => handler(code)),
  };
}

function toBuffers(data: Buffer | ArrayBuffer | Buffer[]): Buffer[] {
  if (Array.isArray(data)) return data;
  return [Buffer.isBuffer(data) ? data : Buffer.from(data)];
}
