import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';

import { correlationId } from '../../logging/correlation.js';

import { EngineStats } from './engine-stats.js';
import { encodeEvent } from './event-codec.js';
import { OperationRunner } from './operation-runner.js';
import { SubscriptionRegistry } from './subscription-registry.js';
import type { EventAuthorizer, SubscriptionTransport } from './topic-fanout.js';
import { eventStream, topicFor } from './topic.js';

export type { SubscriptionTransport } from './topic-fanout.js';

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
}

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
  private readonly namespace: string;

  constructor(
    schema: GraphQLSchema,
    private readonly pubsub: PubSubEngine,
    logger: Logger,
    options: EngineOptions = {},
  ) {
    this.namespace = options.namespace ?? '';
    this.registry = new SubscriptionRegistry({
      schema,
      pubsub,
      logger,
      stats: this.stats,
      authorize: options.authorize ?? (() => Promise.resolve(() => true)),
      namespace: this.namespace,
      onEventDelivered: options.onEventDelivered ?? (() => undefined),
    });
    this.runner = new OperationRunner({
      schema,
      registry: this.registry,
      logger,
      grouping: options.grouping ?? true,
      visibilityKey: options.visibilityKey ?? (() => ''),
    });
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

  /** Publishes an event for `field(args)` to every process; `object` becomes the root value. */
  async trigger(
    field: string,
    args: Readonly<Record<string, unknown>>,
    object: unknown,
  ): Promise<void> {
    this.stats.publishes += 1;
    await this.pubsub.publish(
      eventStream(topicFor(field, args), this.namespace),
      encodeEvent({ object, correlationId: correlationId() }),
    );
  }
}
