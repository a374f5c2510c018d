import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';

import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';

import { CABLE, DisconnectReason } from '@shared/cable/protocol.js';
import { parseJsonObject } from '@shared/json-object.js';

import type { MessageHandler } from '../pubsub/pubsub.js';

import { CableStats } from './cable-stats.js';
import type { ChannelFactory } from './channel.js';
import { Connection, type IdentifyHook } from './connection.js';
import { isOriginAllowed, type OriginPolicy } from './origin.js';
import {
  createUpgradeHandler,
  refuseUpgrade,
  type SocketEvents,
  type WsCableSocket,
} from './socket.js';
import { SpreadBeat } from './spread-beat.js';
import { drainInBatches } from './drain.js';

/** Tunables; every default is what production uses. */
export interface CableLimits {
  /** Server ping interval (Rails: 3 s; the client is stale after 6 s without a frame). */
  beatIntervalMs: number;
  /** A peer that answers no WebSocket ping for this long is terminated. */
  deadPeerAfterMs: number;
  /** Largest accepted frame; a bigger one closes the socket with 1009. */
  maxPayload: number;
  /** Unsent bytes after which a client is disconnected as a slow consumer. */
  maxBufferedBytes: number;
  /** Channel subscriptions per connection; the excess is rejected. */
  maxSubscriptions: number;
  /**
   * Longest identifier accepted. GitLab's link puts the whole document in it, and it is kept
   * per subscription and echoed in every frame to that subscriber: generous, but bounded.
   */
  maxIdentifierLength: number;
  /** Live GraphQL subscriptions per connection, across its channels. */
  maxGraphqlSubscriptions: number;
  /** Commands one connection may have waiting; more closes it (`too_many_commands`). */
  maxQueuedCommands: number;
  /** Sustained frames per second per connection, and the burst above it (`rate_limited`). */
  messagesPerSecond: number;
  messageBurst: number;
}

export const DEFAULT_CABLE_LIMITS: CableLimits = {
  beatIntervalMs: CABLE.beatIntervalSeconds * 1000,
  deadPeerAfterMs: 20_000,
  maxPayload: 64 * 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxSubscriptions: 100,
  // GitLab's sidebar query is 893 characters in its style; its larger documents a few KB.
  maxIdentifierLength: 16 * 1024,
  maxGraphqlSubscriptions: 100,
  maxQueuedCommands: 200,
  // A page (re)connecting with every channel sends 2 frames per subscription: 200 at most.
  messagesPerSecond: 50,
  messageBurst: 300,
};

export interface CableServerOptions {
  channels: Readonly<Record<string, ChannelFactory>>;
  identify: IdentifyHook;
  origins: OriginPolicy;
  logger: Logger;
  /** Carries channel streams and the remote-disconnect commands between processes. */
  pubsub: PubSubEngine;
  mountPath?: string;
  limits?: Partial<CableLimits>;
}

/** The internal stream every process listens on for remote commands (Rails: `action_cable/<id>`). */
export const INTERNAL_STREAM = 'action_cable/internal';

interface RemoteDisconnect {
  type: 'disconnect';
  userId: number;
  reconnect: boolean;
}

/**
 * The Action Cable server (Rails' `ActionCable::Server::Base`): accepts upgrades on the mount
 * path, keeps the registry of open connections, pings them, disconnects users on every process
 * sharing the pub/sub, and disconnects everyone on shutdown.
 *
 * @example
 *   const cable = new CableServer({ channels: { GraphqlChannel: factory }, identify, origins, logger, pubsub });
 *   await cable.attach(httpServer);
 *   await cable.disconnect({ userId: 7 });   // e.g. signed out: on every process
 *   await cable.shutdown();                  // server_restart to everyone here
 */
export class CableServer {
  readonly mountPath: string;
  readonly limits: CableLimits;
  /** Counters for metrics, shared by every connection of this server. */
  readonly stats = new CableStats();
  private readonly connections = new Set<Connection>();
  private readonly sockets = new WeakMap<Connection, WsCableSocket>();
  private readonly upgrade: ReturnType<typeof createUpgradeHandler>;
  private readonly heartbeat: SpreadBeat<Connection>;
  private accepting = true;
  private readonly onInternal: MessageHandler = (payload) => this.handleInternal(payload);
  private internalSubscription: Promise<number> | undefined;

  constructor(private readonly options: CableServerOptions) {
    this.mountPath = options.mountPath ?? CABLE.mountPath;
    this.limits = { ...DEFAULT_CABLE_LIMITS, ...options.limits };
    this.heartbeat = new SpreadBeat(this.limits.beatIntervalMs, (connection, now) => {
      connection.beat(now);
      this.sockets.get(connection)?.checkLiveness(now, this.limits.deadPeerAfterMs);
    });
    this.upgrade = createUpgradeHandler({
      maxPayload: this.limits.maxPayload,
      refusal: (request) => this.refusal(request),
      onSocketError: (error) => options.logger.warn({ err: error }, 'socket error'),
      onSocket: (socket, request, events) => this.open(socket, request, events),
    });
  }

  /** Handles upgrades for the mount path on `server`, listens for remote commands, starts the heartbeat. */
  async attach(server: HttpServer): Promise<void> {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (pathOf(request) === this.mountPath) {
        this.upgrade.handleUpgrade(request, socket, head);
        return;
      }
      // Another upgrade handler on the same server (none in this app) would own other paths;
      // alone, an upgrade elsewhere gets a 404 at once instead of a socket left hanging.
      if (server.listenerCount('upgrade') > 1) return;
      refuseUpgrade(socket, 404, 'Page not found');
    });
    this.internalSubscription = this.options.pubsub.subscribe(INTERNAL_STREAM, this.onInternal, {});
    await this.internalSubscription;
    this.heartbeat.start();
  }

  /** Open connections that received a welcome. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** True once shutdown() has begun: no new connections, readiness fails. */
  get isShuttingDown(): boolean {
    return !this.accepting;
  }

  /** Channel subscriptions held by the open connections. */
  get channelCount(): number {
    let count = 0;
    for (const connection of this.connections) count += connection.subscriptionCount;
    return count;
  }

  /**
   * Disconnects every connection of `userId` on every process sharing the pub/sub, with
   * `{"type":"disconnect","reason":"remote","reconnect":…}` (e.g. when the user signs out).
   */
  async disconnect(target: { userId: number; reconnect?: boolean }): Promise<void> {
    const command: RemoteDisconnect = {
      type: 'disconnect',
      userId: target.userId,
      reconnect: target.reconnect ?? true,
    };
    this.stats.remoteDisconnectBroadcasts += 1;
    await this.options.pubsub.publish(INTERNAL_STREAM, JSON.stringify(command));
  }

  /**
   * Stops accepting upgrades, sends `server_restart` (reconnect: true) to everyone and closes.
   * With a `drainMs` window the disconnects go out in batches spread over it, so a deploy does
   * not send every client back at the same instant (they would all reconnect at once).
   */
  async shutdown(options: { drainMs?: number } = {}): Promise<void> {
    this.accepting = false;
    // Heartbeats go on during the drain: a client still waiting for its turn must not go stale.
    await drainInBatches([...this.connections], options.drainMs ?? 0, (connection) =>
      connection.close(DisconnectReason.serverRestart, true),
    );
    this.heartbeat.stop();
    this.upgrade.close();
    const subscription = this.internalSubscription;
    this.internalSubscription = undefined;
    if (subscription) this.options.pubsub.unsubscribe(await subscription);
  }

  private handleInternal(payload: string): void {
    const parsed = parseJsonObject(payload);
    if (!parsed.ok) {
      this.options.logger.warn('malformed internal cable command ignored');
      return;
    }
    const command = parsed.value as Partial<RemoteDisconnect>;
    if (command.type !== 'disconnect' || typeof command.userId !== 'number') return;
    for (const connection of this.connections) {
      if (connection.identity.userId === command.userId) {
        connection.logger.info({ userId: command.userId }, 'remote disconnect');
        connection.close(DisconnectReason.remote, command.reconnect !== false);
      }
    }
  }

  private refusal(request: IncomingMessage): { status: 404 | 503; text: string } | null {
    if (!this.accepting) return { status: 503, text: 'Server shutting down' };
    if (isOriginAllowed(request.headers.origin, request.headers.host, this.options.origins)) {
      return null;
    }
    this.options.logger.warn({ origin: request.headers.origin }, 'request origin not allowed');
    return { status: 404, text: 'Page not found' };
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
        pubsub: this.options.pubsub,
        limits: this.limits,
        maxBufferedBytes: this.limits.maxBufferedBytes,
        stats: this.stats,
        onOpen: (c) => {
          this.stats.connectionsOpened += 1;
          this.connections.add(c);
          this.sockets.set(c, socket);
          this.heartbeat.add(c);
        },
        onClose: (c) => {
          this.connections.delete(c);
          this.heartbeat.delete(c);
        },
      },
    );
    events.onText((text) => connection.receive(text));
    events.onBinary(() => connection.clientMistake({}, 'binary frame ignored'));
    events.onClose(() => connection.handleClose());
    connection.start();
  }
}

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
