import type { ClientCommand } from '@shared/cable/messages.js';
import { Command, MessageType } from '@shared/cable/protocol.js';
import { parseJsonObject } from '@shared/json-object.js';

import type { Channel, ChannelConnection, ChannelFactory } from './channel.js';
import { ChannelNotFoundError } from './errors.js';

export interface ChannelLimits {
  /** Channel subscriptions one connection may hold; the excess is rejected. */
  maxSubscriptions: number;
  /** Longest identifier accepted (in UTF-16 units); a longer one is rejected unparsed. */
  maxIdentifierLength: number;
}

/**
 * The per-connection command router and registry of channel instances
 * (Rails' `ActionCable::Connection::Subscriptions`). Commands arrive here one at a time,
 * in order, from the connection's queue.
 */
export class CommandRouter {
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly connection: ChannelConnection,
    private readonly factories: Readonly<Record<string, ChannelFactory>>,
    private readonly limits: ChannelLimits,
  ) {}

  get size(): number {
    return this.channels.size;
  }

  async dispatch(command: ClientCommand): Promise<void> {
    switch (command.command) {
      case Command.subscribe:
        return this.add(command.identifier);
      case Command.unsubscribe:
        return this.remove(command.identifier);
      case Command.message:
        return this.perform(command.identifier, command.data);
    }
  }

  /** Unsubscribes every channel (socket closed). */
  async removeAll(): Promise<void> {
    const channels = [...this.channels.values()];
    this.channels.clear();
    for (const channel of channels) await this.unsubscribeSafely(channel);
  }

  private async add(identifier: string): Promise<void> {
    // Duplicates are normal (pre-welcome send + reload, guarantor retries): a second
    // confirmation would make ActionCableLink execute twice, so send nothing.
    if (this.channels.has(identifier)) {
      this.connection.logger.debug(
        { identifier: forLog(identifier) },
        'duplicate subscribe ignored',
      );
      return;
    }
    if (this.channels.size >= this.limits.maxSubscriptions) {
      this.connection.clientMistake(
        { limit: this.limits.maxSubscriptions },
        'subscription rejected: too many subscriptions on this connection',
      );
      this.connection.transmit({ identifier, type: MessageType.rejection });
      return;
    }
    let channel: Channel;
    try {
      channel = this.build(identifier);
    } catch (error) {
      // Rails sends nothing here, which leaves the client retrying every 500 ms forever;
      // a rejection is valid protocol and stops it.
      this.connection.clientMistake(
        { identifier: forLog(identifier), reason: (error as Error).message },
        'subscription rejected',
      );
      this.connection.transmit({ identifier, type: MessageType.rejection });
      return;
    }
    this.channels.set(identifier, channel);
    if (await channel.subscribeToChannel()) {
      this.connection.logger.info({ identifier: forLog(identifier) }, 'subscribed');
      this.connection.transmit(channel.confirmation());
    } else {
      this.channels.delete(identifier);
      await this.unsubscribeSafely(channel);
      this.connection.logger.info(
        { identifier: forLog(identifier) },
        'subscription rejected by channel',
      );
      this.connection.transmit({ identifier, type: MessageType.rejection });
    }
  }

  private async remove(identifier: string): Promise<void> {
    const channel = this.channels.get(identifier);
    if (!channel) {
      this.connection.logger.debug(
        { identifier: forLog(identifier) },
        'unsubscribe for unknown identifier ignored',
      );
      return;
    }
    this.channels.delete(identifier);
    await channel.unsubscribeFromChannel();
    this.connection.logger.info({ identifier: forLog(identifier) }, 'unsubscribed');
  }

  private async perform(identifier: string, data: string): Promise<void> {
    const channel = this.channels.get(identifier);
    if (!channel) {
      this.connection.clientMistake(
        { identifier: forLog(identifier) },
        'message for unknown identifier ignored',
      );
      return;
    }
    const decoded = parseJsonObject(data);
    if (!decoded.ok) {
      this.connection.clientMistake(
        { identifier: forLog(identifier) },
        "message ignored: 'data' is not a JSON object",
      );
      return;
    }
    await channel.perform(decoded.value);
  }

  private build(identifier: string): Channel {
    if (identifier.length > this.limits.maxIdentifierLength) {
      throw new ChannelNotFoundError(`identifier longer than ${this.limits.maxIdentifierLength}`);
    }
    const parsed = parseJsonObject(identifier);
    if (!parsed.ok) {
      throw new ChannelNotFoundError(
        parsed.problem === 'not-json'
          ? 'identifier is not JSON'
          : 'identifier is not a JSON object',
      );
    }
    const { channel: name, ...params } = parsed.value;
    const factory =
      typeof name === 'string' && Object.hasOwn(this.factories, name)
        ? this.factories[name]
        : undefined;
    if (!factory) throw new ChannelNotFoundError(`unknown channel ${JSON.stringify(name)}`);
    return factory(this.connection, identifier, params);
  }

  private async unsubscribeSafely(channel: Channel): Promise<void> {
    try {
      await channel.unsubscribeFromChannel();
    } catch (error) {
      this.connection.logger.error(
        { identifier: forLog(channel.identifier), err: error },
        'unsubscribe failed',
      );
    }
  }
}

/** Identifiers come from clients and may be up to a frame long: logs keep the start. */
function forLog(identifier: string): string {
  return identifier.length > 200 ? `${identifier.slice(0, 200)}…` : identifier;
}
