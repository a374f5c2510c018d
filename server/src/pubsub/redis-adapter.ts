import { createRequire } from 'node:module';

import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

import { PubSub, type MessageHandler, type PubSubStats } from './pubsub.js';
import { SubscriberMap } from './subscriber-map.js';

/** ioredis, loaded on first use: a process without REDIS_URL never loads it (~10 MB RSS less). */
const ioredis = () => (createRequire(import.meta.url)('ioredis') as typeof IORedis).Redis;

/** Options of {@link RedisAdapter}. */
export interface RedisAdapterOptions {
  /** `redis://[user:password@]host:port[/db]` (`rediss://` for TLS). */
  url: string;
  /** Prepended to every Redis channel and stripped on receipt (Rails' `channel_prefix`), e.g. `app:`. */
  channelPrefix?: string;
  logger: Logger;
}

/** Counters for metrics; they only grow (reconnects count publisher and subscriber separately). */
export type RedisAdapterStats = PubSubStats;

/** How long a publish waits for a (re)connecting publisher before it gives up. */
const PUBLISH_READY_WAIT_MS = 500;
/** A PUBLISH on an open but unresponsive connection is abandoned after this long. */
const PUBLISH_TIMEOUT_MS = 1000;
const QUIT_TIMEOUT_MS = 1000;

/**
 * Redis Pub/Sub adapter (Rails' `ActionCable::SubscriptionAdapter::Redis`): publishes reach the
 * subscribers of every process using the same Redis and prefix.
 *
 * - One publisher and one subscriber connection per instance. A trigger is one Redis channel:
 *   SUBSCRIBEd when its first local subscription is added (subscribe() resolves once Redis
 *   confirms) and UNSUBSCRIBEd when its last one is removed; each message goes to every local
 *   subscription, in order.
 * - publish fails fast: the publisher has no offline queue, waits at most 500 ms for a
 *   reconnection and 1 s for the reply, so a caller never hangs while Redis is away.
 * - After Redis comes back, ioredis reconnects and re-subscribes every channel (autoResubscribe).
 *   subscribe() while Redis is down is queued and resolves once Redis confirms after the
 *   reconnection; it rejects if ioredis gives up on queued commands first (maxRetriesPerRequest,
 *   20 attempts: about 10 to 30 s) or the adapter is shut down. unsubscribe() stops local
 *   delivery at once and does not wait for Redis.
 */
export class RedisAdapter extends PubSub {
  override readonly stats: RedisAdapterStats = {
    published: 0,
    publishFailures: 0,
    reconnects: 0,
    received: 0,
  };
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly subscribers = new SubscriberMap();
  /** Per trigger, the SUBSCRIBE its first subscription sent: later ones wait for the same reply. */
  private readonly confirmations = new Map<string, Promise<void>>();
  private readonly readyWaiters = new Set<() => void>();
  private closing: Promise<void> | undefined;

  constructor(options: RedisAdapterOptions) {
    super();
    this.prefix = options.channelPrefix ?? '';
    this.logger = options.logger;
    this.publisher = new (ioredis())(options.url, {
      enableOfflineQueue: false,
      commandTimeout: PUBLISH_TIMEOUT_MS,
      // A PUBLISH reported as failed must not be delivered later, out of order, on reconnection.
      autoResendUnfulfilledCommands: false,
    });
    this.subscriber = new (ioredis())(options.url, { autoResubscribe: true });
    this.watch(this.publisher, 'publisher');
    this.watch(this.subscriber, 'subscriber');
    this.publisher.on('ready', () => {
      for (const wake of this.readyWaiters) wake();
      this.readyWaiters.clear();
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      this.receive(channel, message);
    });
  }

  async publish(trigger: string, payload: string): Promise<void> {
    try {
      await this.publisherReady();
      await this.publisher.publish(this.prefix + trigger, payload);
      this.stats.published += 1;
    } catch (error) {
      this.stats.publishFailures += 1;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Redis publish to ${trigger} failed: ${reason}`, { cause: error });
    }
  }

  async subscribe(trigger: string, onMessage: MessageHandler): Promise<number> {
    if (this.closing) throw new Error('RedisAdapter is shut down');
    const { id, first } = this.subscribers.add(trigger, onMessage);
    if (first) {
      const confirmed = this.subscriber.subscribe(this.prefix + trigger).then(() => undefined);
      this.confirmations.set(trigger, confirmed);
      // Registered before any caller awaits it, so the subscriptions are gone when callers see
      // the rejection: nothing was subscribed in Redis, a later subscribe() starts afresh.
      void confirmed.catch(() => {
        if (this.confirmations.get(trigger) !== confirmed) return;
        this.confirmations.delete(trigger);
        this.subscribers.removeStream(trigger);
      });
    }
    await this.confirmations.get(trigger);
    return id;
  }

  unsubscribe(subscriptionId: number): void {
    const trigger = this.subscribers.remove(subscriptionId);
    if (trigger === undefined || this.closing) return;
    this.confirmations.delete(trigger);
    // Not awaited: local delivery has already stopped, and a later SUBSCRIBE of the same channel
    // is sent after this UNSUBSCRIBE on the same connection, so Redis applies them in order.
    this.subscriber.unsubscribe(this.prefix + trigger).catch((error: unknown) => {
      this.logger.warn({ err: error, trigger }, 'Redis UNSUBSCRIBE failed');
    });
  }

  shutdown(): Promise<void> {
    this.closing ??= (async () => {
      this.subscribers.clear();
      this.confirmations.clear();
      await Promise.all([close(this.publisher), close(this.subscriber)]);
    })();
    return this.closing;
  }

  /** Both connections answer a PING: a hung server (SIGSTOP, overload) fails it. */
  async ping(): Promise<void> {
    if (!this.isReady()) throw new Error('Redis unreachable');
    await Promise.all([this.publisher.ping(), this.subscriber.ping()]);
  }

  /** Both connections are up (the subscriber re-subscribes on its own once it is). */
  isReady(): boolean {
    return (
      this.closing === undefined &&
      this.publisher.status === 'ready' &&
      this.subscriber.status === 'ready'
    );
  }

  private receive(channel: string, message: string): void {
    this.stats.received += 1;
    if (!channel.startsWith(this.prefix)) return;
    const trigger = channel.slice(this.prefix.length);
    for (const error of this.subscribers.dispatch(trigger, message)) {
      this.logger.error({ err: error, trigger }, 'pub/sub handler threw');
    }
  }

  /**
   * The subscriber is back: ioredis sent its SUBSCRIBEs before 'ready', so once a PING on the
   * same connection is answered every channel is live again, and whatever was published while
   * it was away is lost: a gap.
   */
  private afterResubscribe(): void {
    this.subscriber.ping().then(
      () => this.reportGap(),
      (error: unknown) => {
        this.logger.debug(
          { err: error },
          'PING after resubscribe failed; the next ready reports the gap',
        );
      },
    );
  }

  private publisherReady(): Promise<void> {
    // Checked first: right after QUIT the socket may still report "ready".
    if (this.closing) return Promise.reject(new Error('RedisAdapter is shut down'));
    if (this.publisher.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.readyWaiters.delete(wake);
        reject(new Error(`Redis unreachable (publisher ${this.publisher.status})`));
      }, PUBLISH_READY_WAIT_MS);
      this.readyWaiters.add(wake);
    });
  }

  /**
   * Logs each outage once (warn) and each recovery once (info): ioredis retries every few
   * hundred ms and emits an error per attempt, which only shows at debug level.
   */
  private watch(connection: Redis, role: 'publisher' | 'subscriber'): void {
    let everReady = false;
    let down = false;
    const lost = (error?: unknown): void => {
      if (this.closing) return;
      if (down) {
        if (error) this.logger.debug({ err: error, role }, 'Redis still unreachable');
        return;
      }
      down = true;
      this.logger.warn({ err: error, role }, 'Redis connection down; reconnecting');
    };
    connection.on('error', lost);
    connection.on('close', () => {
      if (everReady) lost();
    });
    connection.on('reconnecting', (delayMs: number) => {
      if (!this.closing) this.logger.debug({ role, delayMs }, 'Redis reconnect scheduled');
    });
    connection.on('ready', () => {
      if (everReady) this.stats.reconnects += 1;
      if (down) this.logger.info({ role }, everReady ? 'Redis reconnected' : 'Redis connected');
      if (everReady && role === 'subscriber') this.afterResubscribe();
      everReady = true;
      down = false;
    });
  }
}

/** QUIT when the server answers (flushes what was sent), then close the socket regardless. */
async function close(connection: Redis): Promise<void> {
  if (connection.status === 'ready') {
    const quit = connection.quit().catch(() => undefined);
    await Promise.race([
      quit,
      new Promise((resolve) => setTimeout(resolve, QUIT_TIMEOUT_MS).unref()),
    ]);
  }
  connection.disconnect();
}
