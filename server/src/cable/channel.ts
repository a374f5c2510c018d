import type { Logger } from 'pino';

import type { ServerMessage } from '@shared/cable/messages.js';
import { MessageType } from '@shared/cable/protocol.js';

import type { PubSubEngine } from 'graphql-subscriptions';

import type { MessageHandler } from '../pubsub/pubsub.js';

import { UnknownActionError } from './errors.js';
import type { OperationBudget } from './operation-budget.js';

/**
 * Who a connection belongs to, as the identify hook found it. `userId` is null for anonymous
 * visitors; applications may return more fields (e.g. the loaded user).
 */
export interface ConnectionIdentity {
  readonly userId: number | null;
}

/** What a channel may use of its connection. */
export interface ChannelConnection {
  readonly id: string;
  /** What the identify hook returned, shared by all channels of the connection. */
  readonly identity: ConnectionIdentity;
  readonly logger: Logger;
  /** The pub/sub that `streamFrom` listens on. */
  readonly pubsub: PubSubEngine;
  transmit(message: ServerMessage): void;
  /** Sends an already encoded frame (the fan-out serializes a shared message once). */
  transmitRaw(frame: string): void;
  /** Logs a client's mistake at warn, sampled per connection, without a stack. */
  clientMistake(details: Readonly<Record<string, unknown>>, message: string): void;
  /** Live operations (GraphQL subscriptions) of the connection, across its channels. */
  readonly operations: OperationBudget;
}

/** Decoded `data` of a `message` command; `action` picks the channel method. */
export type ActionData = Record<string, unknown> & { action?: unknown };
export type ActionHandler = (data: ActionData) => void | Promise<void>;

/**
 * Base class of channels (Rails' `ActionCable::Channel::Base`).
 *
 * A subclass overrides `subscribed` (call `reject()` to refuse), `unsubscribed` (free what it
 * holds) and lists the actions a client may perform in `actions`: only those are dispatched,
 * never arbitrary methods.
 *
 * @example
 *   class EchoChannel extends Channel {
 *     protected override readonly actions = { say: (data) => this.transmit(data) };
 *   }
 */
export abstract class Channel {
  private rejected = false;
  private closed = false;
  /** The pub/sub subscriptions of `streamFrom`, ended with the channel. */
  private readonly streams: Promise<number>[] = [];
  /** The identifier as a JSON string literal, encoded once for every frame of this channel. */
  private readonly identifierJson: string;

  /** Actions callable through `message` commands, by name. */
  protected abstract readonly actions: Readonly<Record<string, ActionHandler>>;

  constructor(
    protected readonly connection: ChannelConnection,
    /** The exact identifier string from the client, echoed byte for byte. */
    readonly identifier: string,
    /** The identifier's keys other than `channel`. */
    readonly params: Readonly<Record<string, unknown>>,
  ) {
    this.identifierJson = JSON.stringify(identifier);
  }

  /** Runs `subscribed`; resolves to false when the channel rejected the subscription. */
  async subscribeToChannel(): Promise<boolean> {
    await this.subscribed();
    return !this.rejected;
  }

  /** Runs `unsubscribed` once, then stops every stream; afterwards nothing more is transmitted. */
  async unsubscribeFromChannel(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.unsubscribed();
    } finally {
      await this.stopAllStreams();
    }
  }

  /** Dispatches a `message` command to one of `actions`. */
  async perform(data: ActionData): Promise<void> {
    const action = typeof data.action === 'string' && data.action !== '' ? data.action : 'receive';
    const handler = Object.hasOwn(this.actions, action) ? this.actions[action] : undefined;
    if (!handler) throw new UnknownActionError(action);
    await handler(data);
  }

  /** Sends `{identifier, message}` unless the channel is unsubscribed. */
  transmit(message: unknown): void {
    if (this.closed) return;
    this.connection.transmit({ identifier: this.identifier, message });
  }

  /** Like `transmit`, for a message already encoded as JSON: no per-subscriber serialization. */
  transmitSerialized(messageJson: string): void {
    if (this.closed) return;
    this.connection.transmitRaw(`{"identifier":${this.identifierJson},"message":${messageJson}}`);
  }

  protected subscribed(): void | Promise<void> {}
  protected unsubscribed(): void | Promise<void> {}

  protected reject(): void {
    this.rejected = true;
  }

  /**
   * Transmits every message published on `stream` (JSON-decoded) to this subscriber, or hands
   * it to `handler`. Resolves once the pub/sub has the subscription, so a `subscribed` that
   * awaits it is confirmed only when its streams are live (nothing published after the
   * confirmation is lost).
   */
  protected async streamFrom(stream: string, handler?: MessageHandler): Promise<void> {
    const onMessage: MessageHandler =
      handler ?? ((payload) => this.transmit(JSON.parse(payload) as unknown));
    const subscription = this.connection.pubsub.subscribe(stream, onMessage, {});
    this.streams.push(subscription);
    await subscription;
  }

  protected async stopAllStreams(): Promise<void> {
    const subscriptions = this.streams.splice(0);
    for (const subscription of subscriptions) {
      const id = await subscription.catch(() => undefined); // a failed one holds nothing
      if (id !== undefined) this.connection.pubsub.unsubscribe(id);
    }
  }

  /** @internal confirmation frame for this channel */
  confirmation(): ServerMessage {
    return { identifier: this.identifier, type: MessageType.confirmation };
  }
}

export type ChannelFactory = (
  connection: ChannelConnection,
  identifier: string,
  params: Readonly<Record<string, unknown>>,
) => Channel;
