import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { Logger } from 'pino';

import { parseCommand, stringifyMessage, type ServerMessage } from '@shared/cable/messages.js';
import { DisconnectReason, MessageType } from '@shared/cable/protocol.js';

import type { PubSubEngine } from 'graphql-subscriptions';

import { CableStats } from './cable-stats.js';
import type { ChannelConnection, ChannelFactory, ConnectionIdentity } from './channel.js';
import { CommandRouter, type ChannelLimits } from './command-router.js';
import { CableError, UnauthorizedError } from './errors.js';
import { MistakeLog } from './mistake-log.js';
import { OperationBudget } from './operation-budget.js';
import { TokenBucket } from './token-bucket.js';

/** The transport under a connection; socket.ts adapts `ws` to it. */
export interface CableSocket {
  send(text: string): void;
  close(code: number, reason?: string): void;
  readonly isOpen: boolean;
  /** Bytes queued for sending and not yet written to the network. */
  readonly bufferedAmount: number;
}

/** What identification may read of the upgrade request. */
export interface ConnectionRequest {
  headers: IncomingHttpHeaders;
  url: string;
  remoteAddress: string | undefined;
}

/** Identifies the connection's user (cookie, token, anonymous); throws UnauthorizedError to refuse. */
export type IdentifyHook = (request: ConnectionRequest) => Promise<ConnectionIdentity>;

/** Bounds on the work one connection may ask for (see docs/operations.md). */
export interface ConnectionLimits extends ChannelLimits {
  /** Live GraphQL subscriptions across all channels; the excess `execute` gets an error. */
  maxGraphqlSubscriptions: number;
  /** Commands waiting to run; one more closes the connection (`too_many_commands`). */
  maxQueuedCommands: number;
  /** Sustained frames per second, and the burst allowed above it; more closes (`rate_limited`). */
  messagesPerSecond: number;
  messageBurst: number;
}

export interface ConnectionOptions {
  identify: IdentifyHook;
  channels: Readonly<Record<string, ChannelFactory>>;
  logger: Logger;
  pubsub: PubSubEngine;
  limits: ConnectionLimits;
  /** A client whose unsent bytes pass this is disconnected instead of growing memory. */
  maxBufferedBytes: number;
  onOpen(connection: Connection): void;
  onClose(connection: Connection): void;
  /** Counters shared by the server's connections (metrics); a private set when absent. */
  stats?: CableStats;
}

type State = 'identifying' | 'open' | 'closed';

/**
 * One client connection (Rails' `ActionCable::Connection::Base`).
 *
 * Identification runs first; commands that arrive meanwhile wait behind it. Every command then
 * runs strictly in arrival order through one promise queue, which removes the
 * subscribe/unsubscribe reordering races Rails has (rails/rails#38668, #41581).
 *
 * @example
 *   const connection = new Connection(socket, request, options);
 *   connection.start();            // identify, then welcome
 *   connection.receive(text);      // each text frame
 *   connection.handleClose();      // socket closed: every channel unsubscribes once
 */
export class Connection implements ChannelConnection {
  readonly id = randomUUID();
  readonly pubsub: PubSubEngine;
  identity: ConnectionIdentity = { userId: null };
  /** Live GraphQL subscriptions of this connection, across its channels. */
  readonly operations: OperationBudget;
  private state: State = 'identifying';
  private queue: Promise<void> = Promise.resolve();
  /** Commands received and not yet run. */
  private queued = 0;
  private readonly rate: TokenBucket;
  private readonly mistakes = new MistakeLog(() => this.logger);
  private readonly router: CommandRouter;
  private readonly stats: CableStats;
  private childLogger: Logger | undefined;

  constructor(
    private readonly socket: CableSocket,
    /** Kept only until identification: an idle connection should not hold every header. */
    private request: ConnectionRequest | undefined,
    private readonly options: ConnectionOptions,
  ) {
    this.pubsub = options.pubsub;
    this.stats = options.stats ?? new CableStats();
    this.router = new CommandRouter(this, options.channels, options.limits);
    this.operations = new OperationBudget(options.limits.maxGraphqlSubscriptions);
    this.rate = new TokenBucket(options.limits.messagesPerSecond, options.limits.messageBurst);
  }

  /**
   * Logger with this connection's id, made on first use: most connections never log past
   * open/close (logged through the parent), and a child logger per idle connection is memory.
   */
  get logger(): Logger {
    // Made on first use (most idle connections never log), bound to the user once identified.
    this.childLogger ??= this.options.logger.child({
      connectionId: this.id,
      userId: this.identity.userId,
    });
    return this.childLogger;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** Number of channel subscriptions held. */
  get subscriptionCount(): number {
    return this.router.size;
  }

  start(): void {
    this.enqueue(() => this.identify());
  }

  receive(text: string): void {
    if (this.state === 'closed') return;
    // Checked on arrival, before any parsing: a flood costs a counter per frame, then a close.
    if (!this.rate.take()) {
      this.refuse(DisconnectReason.rateLimited, 'message rate exceeded');
      return;
    }
    if (this.queued >= this.options.limits.maxQueuedCommands) {
      this.refuse(DisconnectReason.tooManyCommands, 'command queue full');
      return;
    }
    this.queued += 1;
    this.enqueue(async () => {
      this.queued -= 1;
      if (this.state !== 'open') return; // identification failed or closed: dropped
      let command;
      try {
        command = parseCommand(text);
      } catch (error) {
        this.clientMistake({ reason: (error as Error).message }, 'malformed command ignored');
        return;
      }
      await this.router.dispatch(command);
    });
  }

  /** A client's mistake (bad frame, unknown action or identifier): warn, sampled, no stack. */
  clientMistake(details: Readonly<Record<string, unknown>>, message: string): void {
    this.mistakes.warn(details, message);
  }

  /** The socket is gone: unsubscribe every channel after the commands already queued. */
  handleClose(): void {
    this.state = 'closed';
    this.enqueue(async () => {
      await this.router.removeAll();
      this.options.onClose(this);
      this.logger.info('connection closed');
    });
  }

  transmit(message: ServerMessage): void {
    if (this.transmitRaw(stringifyMessage(message)) && 'type' in message) {
      this.stats.countControlFrame(message.type);
    }
  }

  /** Sends a frame; false when it was dropped (socket closed, or a slow consumer cut off). */
  transmitRaw(frame: string): boolean {
    if (!this.socket.isOpen) return false;
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.logger.warn({ buffered: this.socket.bufferedAmount }, 'slow consumer disconnected');
      this.stats.slowConsumerDisconnects += 1;
      this.close(DisconnectReason.slowConsumer, true);
      return false;
    }
    this.socket.send(frame);
    this.stats.framesTransmitted += 1;
    this.stats.bytesTransmitted += Buffer.byteLength(frame);
    return true;
  }

  /** Sends a ping with the server's Unix time in seconds. */
  beat(nowMs: number): void {
    this.transmit({ type: MessageType.ping, message: Math.floor(nowMs / 1000) });
  }

  /** Sends `disconnect` with an explicit `reconnect` (a missing one stops the client for good), then closes. */
  close(reason: DisconnectReason, reconnect: boolean): void {
    if (this.socket.isOpen) {
      this.logger.info({ reason, reconnect }, 'disconnecting');
      this.socket.send(stringifyMessage({ type: MessageType.disconnect, reason, reconnect }));
      this.socket.close(1000, reason);
    }
    this.state = 'closed';
  }

  private async identify(): Promise<void> {
    try {
      const request = this.request;
      this.request = undefined;
      if (!request) return;
      this.identity = await this.options.identify(request);
    } catch (error) {
      if (error instanceof UnauthorizedError) {
        this.logger.info({ reason: error.message }, 'connection rejected: unauthorized');
        this.close(DisconnectReason.unauthorized, false);
      } else {
        this.logger.error({ err: error }, 'identification failed');
        this.close(DisconnectReason.serverError, true);
      }
      return;
    }
    if (this.state !== 'identifying') return; // closed while identifying
    this.state = 'open';
    this.childLogger = undefined; // made again, now with the user's id
    this.transmit({ type: MessageType.welcome });
    this.options.onOpen(this);
    this.logger.info('connection open');
  }

  /** Over a limit: `disconnect` with `reconnect: true` (the stock client waits 6 s or more). */
  private refuse(reason: DisconnectReason, why: string): void {
    this.logger.warn({ reason, queued: this.queued }, `connection closed: ${why}`);
    this.stats.limitDisconnects += 1;
    this.close(reason, true);
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      // A failing command must not stop the queue or the process.
      if (error instanceof CableError) {
        this.clientMistake({ code: error.code, reason: error.message }, 'command ignored');
      } else {
        this.logger.error({ err: error }, 'command failed');
      }
    });
  }
}
