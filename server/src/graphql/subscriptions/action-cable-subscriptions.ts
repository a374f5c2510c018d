import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';

import { correlationId } from '../../logging/correlation.js';
import { CheckedDocuments } from '../checked-documents.js';

import { EngineStats } from './engine-stats.js';
import { encodeEvent } from './event-codec.js';
import { OperationRunner } from './operation-runner.js';
import { Resync } from './resync.js';
import { SubscriptionRegistry, type SubscriptionObserver } from './subscription-registry.js';
import type { EventAuthorizer, SubscriptionTransport } from './topic-fanout.js';
import type { TopicState } from './topic-state.js';
import { eventStream, topicFor } from './topic.js';

export type { SubscriptionTransport, Member } from './topic-fanout.js';
export type { SubscriptionObserver } from './subscription-registry.js';
export type { TopicDescriptor } from './operation-topic.js';

export interface EngineOptions {
  /** Checked before every delivery; a member that fails it is ended with `{"more":false}`. */
  authorize?: EventAuthorizer;
  /** Prefix of stream names (graphql-ruby's `namespace`). */
  namespace?: string;
  /**
   * false: every subscriber is its own group (one execution per subscriber per event, as
   * GitLab does). Only for benchmarks that compare the two designs.
   */
  grouping?: boolean;
  /**
   * Part of the group key for documents whose result depends on who asks (e.g. a selection of
   * `userPermissions`): subscribers only share an execution when this key is equal too.
   */
  visibilityKey?: (document: DocumentNode, context: unknown) => string;
  /**
   * Called once per event delivered in this process with the seconds from its arrival (in
   * `trigger()` for in-process pub/sub) until its last frame was handed to the sockets (metrics).
   */
  onEventDelivered?: (seconds: number) => void;
  /**
   * Reads a topic's object as it is now and orders its versions: first payloads and resyncs
   * read it once, and no subscriber is sent an older state after a newer one.
   */
  state?: TopicState;
  /**
   * Longest a trigger waits for its publish (default 100 ms): a slow or hung pub/sub never holds
   * a mutation longer. A publish that fails or answers later makes every process resync.
   */
  publishWaitMs?: number;
  /** Parse/validate cache and cost limits shared with HTTP; a private one with defaults when absent. */
  documents?: CheckedDocuments;
  /** Told when subscriptions go live and end (presence counts viewers with it). */
  observer?: SubscriptionObserver;
}

/** The stream on which processes announce lost events (see Resync). */
export const RESYNC_STREAM = 'graphql-resync';

/**
 * graphql-ruby's `ActionCableSubscriptions` for graphql-js, over any graphql-subscriptions
 * `PubSubEngine`: `trigger` publishes an event, `runOperation` runs what a GraphqlChannel
 * received (see OperationRunner), `delete` ends a subscription. Subscribers of a topic with the
 * same document and variables form a group: an event is executed once per group and the same
 * serialized message goes to every member (see SubscriptionRegistry and TopicFanout).
 */
export class ActionCableSubscriptions {
  readonly stats = new EngineStats();
  private readonly registry: SubscriptionRegistry;
  private readonly runner: OperationRunner;
  private readonly resync: Resync;
  private readonly namespace: string;
  private readonly publishWaitMs: number;

  constructor(
    schema: GraphQLSchema,
    private readonly pubsub: PubSubEngine,
    private readonly logger: Logger,
    options: EngineOptions = {},
  ) {
    this.namespace = options.namespace ?? '';
    this.publishWaitMs = options.publishWaitMs ?? 100;
    const authorize = options.authorize ?? (() => Promise.resolve(() => true));
    this.registry = new SubscriptionRegistry({
      schema,
      pubsub,
      logger,
      stats: this.stats,
      authorize,
      state: options.state,
      namespace: this.namespace,
      onEventDelivered: options.onEventDelivered ?? (() => undefined),
      observer: options.observer,
    });
    this.runner = new OperationRunner({
      schema,
      registry: this.registry,
      documents: options.documents ?? new CheckedDocuments(schema),
      logger,
      authorize,
      state: options.state,
      grouping: options.grouping ?? true,
      visibilityKey: options.visibilityKey ?? (() => ''),
    });
    this.resync = new Resync({
      pubsub,
      registry: this.registry,
      logger,
      stream: `${RESYNC_STREAM}:${this.namespace}`,
      retryMs: 1000,
    });
  }

  /** Listens for other processes' resync announcements (see Resync). */
  start(): Promise<void> {
    return this.resync.start();
  }

  async close(): Promise<void> {
    await this.resync.stop();
  }

  /**
   * This process may have missed events (its pub/sub reported a gap): every topic is read once
   * and its current state delivered, so its viewers converge.
   */
  resyncAfterGap(): void {
    this.resync.local();
  }

  /** Live subscriptions in this process. */
  get size(): number {
    return this.registry.size;
  }

  /** Topics with at least one subscriber in this process. */
  get topicCount(): number {
    return this.registry.topicCount;
  }

  /** Groups (shared executions) across all topics in this process. */
  get groupCount(): number {
    return this.registry.groupCount;
  }

  /** Subscriptions of the most watched topic in this process (a hot issue shows here). */
  get largestTopicSize(): number {
    return this.registry.largestTopicSize;
  }

  /** Runs one `execute` payload; resolves with the id of the subscription it registered, or null. */
  runOperation(
    data: Readonly<Record<string, unknown>>,
    context: unknown,
    transport: SubscriptionTransport,
  ): Promise<string | null> {
    return this.runner.run(data, context, transport);
  }

  /** Forgets a subscription and stops its topic's pub/sub subscription when it was the last. */
  delete(id: string): void {
    this.registry.delete(id);
  }

  /**
   * Publishes an event for `field(args)` to every process; `object` becomes the root value.
   * Rejects when the publish fails within `publishWaitMs`; resolves when it succeeds or is still
   * pending then. Either way a lost event is made good by a resync (see Resync).
   */
  async trigger(
    field: string,
    args: Readonly<Record<string, unknown>>,
    object: unknown,
  ): Promise<void> {
    this.stats.publishes += 1;
    const stream = eventStream(topicFor(field, args), this.namespace);
    const published = this.pubsub
      .publish(stream, encodeEvent({ object, correlationId: correlationId() }))
      .catch((error: unknown) => {
        this.stats.publishFailures += 1;
        this.resync.owe();
        throw error;
      });
    let timer: NodeJS.Timeout | undefined;
    const pending = new Promise<'pending'>((resolve) => {
      timer = setTimeout(() => resolve('pending'), this.publishWaitMs);
    });
    try {
      if ((await Promise.race([published, pending])) !== 'pending') return;
    } finally {
      clearTimeout(timer);
    }
    this.logger.warn(
      { stream, waitedMs: this.publishWaitMs },
      'publish still pending; not waiting',
    );
    published.catch((error: unknown) =>
      this.logger.warn({ err: error, stream }, 'late publish failed; viewers resync'),
    );
  }
}
