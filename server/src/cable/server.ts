import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';

import type { Logger } from 'pino';

import {
  CABLE,
  DisconnectReason,
  type DisconnectReason as Reason,
} from '@shared/cable/protocol.js';

import type { ChannelFactory } from './channel.js';
import { Connection, type IdentifyHook } from './connection.js';
import { isOriginAllowed, type OriginPolicy } from './origin.js';
import { createUpgradeHandler, type SocketEvents, type WsCableSocket } from './socket.js';

export interface CableServerOptions {
  channels: Readonly<Record<string, ChannelFactory>>;
  identify: IdentifyHook;
  origins: OriginPolicy;
  logger: Logger;
  mountPath?: string;
  /** Server ping interval (Rails: 3 s; the client is stale after 6 s without a frame). */
  beatIntervalMs?: number;
  /** A peer that answers no WebSocket ping for this long is terminated. */
  deadPeerAfterMs?: number;
  /** Largest accepted frame; bigger ones close the socket with 1009. */
  maxPayload?: number;
  /** Unsent bytes after which a client is disconnected as a slow consumer. */
  maxBufferedBytes?: number;
}

/**
 * The Action Cable server (Rails' `ActionCable::Server::Base`): accepts upgrades on the mount
 * path, keeps the registry of open connections, pings them, and disconnects them on shutdown.
 *
 * @example
 *   const cable = new CableServer({ channels: { GraphqlChannel: factory }, identify, origins, logger });
 *   cable.attach(httpServer);
 *   await cable.shutdown(); // server_restart to everyone
 */
export class CableServer {
  readonly mountPath: string;
  private readonly connections = new Set<Connection>();
  private readonly sockets = new WeakMap<Connection, WsCableSocket>();
  private readonly upgrade: ReturnType<typeof createUpgradeHandler>;
  private beatTimer: NodeJS.Timeout | undefined;
  private accepting = true;

  constructor(private readonly options: CableServerOptions) {
    this.mountPath = options.mountPath ?? CABLE.mountPath;
    this.upgrade = createUpgradeHandler({
      maxPayload: options.maxPayload ?? 64 * 1024,
      allowRequest: (request) => this.allowRequest(request),
      onSocketError: (error) => options.logger.warn({ err: error }, 'socket error'),
      onSocket: (socket, request, events) => this.open(socket, request, events),
    });
  }

  /** Handles upgrades for the mount path on `server`; starts the heartbeat. */
  attach(server: HttpServer): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (pathOf(request) !== this.mountPath) return; // another handler (e.g. Vite HMR) may own it
      this.upgrade.handleUpgrade(request, socket, head);
    });
    const interval = this.options.beatIntervalMs ?? CABLE.beatIntervalSeconds * 1000;
    this.beatTimer = setInterval(() => this.beat(), interval);
    this.beatTimer.unref();
  }

  /** Open connections that received a welcome. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** Disconnects every connection whose identity matches (e.g. a signed-out user). */
  disconnect(matches: (identity: unknown) => boolean, reconnect = true): number {
    let count = 0;
    for (const connection of this.connections) {
      if (matches(connection.identity)) {
        connection.close(DisconnectReason.remote, reconnect);
        count += 1;
      }
    }
    return count;
  }

  /** Stops accepting, sends `server_restart` (reconnect: true) to everyone and closes. */
  async shutdown(reason: Reason = DisconnectReason.serverRestart): Promise<void> {
    this.accepting = false;
    clearInterval(this.beatTimer);
    for (const connection of this.connections) connection.close(reason, true);
    this.upgrade.close();
    await Promise.resolve();
  }

  private beat(): void {
    const now = Date.now();
    const deadAfter = this.options.deadPeerAfterMs ?? 20_000;
    for (const connection of this.connections) {
      connection.beat(now);
      this.sockets.get(connection)?.checkLiveness(now, deadAfter);
    }
  }

  private allowRequest(request: IncomingMessage): boolean {
    if (!this.accepting) return false;
    const allowed = isOriginAllowed(
      request.headers.origin,
      request.headers.host,
      this.options.origins,
    );
    if (!allowed) {
      this.options.logger.warn({ origin: request.headers.origin }, 'request origin not allowed');
    }
    return allowed;
  }

  private open(socket: WsCableSocket, request: IncomingMessage, events: SocketEvents): void {
    const connection = new Connection(
      socket,
      {
        headers: request.headers,
        url: request.url ?? '/',
        remoteAddress: request.socket.remoteAddress,
      },
      {
        identify: this.options.identify,
        channels: this.options.channels,
        logger: this.options.logger,
        maxBufferedBytes: this.options.maxBufferedBytes ?? 16 * 1024 * 1024,
        onOpen: (c) => {
          this.connections.add(c);
          this.sockets.set(c, socket);
        },
        onClose: (c) => this.connections.delete(c),
      },
    );
    events.onText((text) => connection.receive(text));
    events.onBinary(() => connection.logger.warn('binary frame ignored'));
    events.onClose(() => connection.handleClose());
    connection.start();
  }
}

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
