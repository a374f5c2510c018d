import { randomUUID } from 'node:crypto';

import {
  execute,
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';

import type { ChannelResult, GraphQLResultJson } from '@shared/graphql/channel.js';

import type { StreamListener, SubscriptionAdapter } from '../../pubsub/adapter.js';
import { maskError } from '../mask-error.js';

import { CheckedDocuments } from '../checked-documents.js';
import { EngineStats } from './engine-stats.js';
import { correlationId, withCorrelationId } from '../../logging/correlation.js';

import { decodeEvent, encodeEvent } from './event-codec.js';
import { parseExecutePayload } from './execute-payload.js';
import {
  TopicFanout,
  type EventAuthorizer,
  type Member,
  type SubscriptionSink,
} from './topic-fanout.js';
import { groupFingerprint } from './fingerprint.js';
import { topicOfOperation } from './operation-topic.js';
import { eventStream, topicFor } from './topic.js';

/** Where a subscription's payloads go: the GraphqlChannel that executed it. */
export interface SubscriptionTransport extends SubscriptionSink {
  transmit(payload: ChannelResult): void;
  /** Throws a GraphQLError naming the limit when it may hold no more subscriptions. */
  admitSubscription?(): void;
}

interface Registration {
  readonly member: Member;
  readonly topic: string;
  readonly fingerprint: string;
  readonly transport: SubscriptionTransport;
}

interface TopicState {
  readonly fanout: TopicFanout;
  readonly listener: StreamListener;
}

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
  /** Parse/validate cache and cost limits shared with HTTP; a private one with defaults when absent. */
  documents?: CheckedDocuments;
}

/**
 * graphql-ruby's `ActionCableSubscriptions` for graphql-js: executes documents sent through a
 * GraphqlChannel, keeps live subscriptions per process, and delivers each trigger's event.
 *
 * - The first payload carries the subscription's current result (not `{}`); the topic listener
 *   is registered before it is computed, and an event arriving in between follows it.
 * - Subscribers of a topic with the same document and variables form a group: an event is
 *   executed once per group and the same serialized message goes to every member.
 */
export class ActionCableSubscriptions {
  readonly stats = new EngineStats();
  private readonly registrations = new Map<string, Registration>();
  private readonly topics = new Map<string, TopicState>();
  private readonly authorize: EventAuthorizer;
  private readonly namespace: string;
  private readonly documents: CheckedDocuments;
  private readonly grouping: boolean;
  private readonly visibilityKey: (document: DocumentNode, context: unknown) => string;
  private readonly onEventDelivered: (seconds: number) => void;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly adapter: SubscriptionAdapter,
    private readonly logger: Logger,
    options: EngineOptions = {},
  ) {
    this.authorize = options.authorize ?? (() => Promise.resolve(() => true));
    this.namespace = options.namespace ?? '';
    this.documents = options.documents ?? new CheckedDocuments(schema);
    this.grouping = options.grouping ?? true;
    this.visibilityKey = options.visibilityKey ?? (() => '');
    this.onEventDelivered = options.onEventDelivered ?? (() => undefined);
  }

  /** Live subscriptions in this process. */
  get size(): number {
    return this.registrations.size;
  }

  /** Topics with at least one subscriber in this process. */
  get topicCount(): number {
    return this.topics.size;
  }

  /** Groups (shared executions) across all topics in this process. */
  get groupCount(): number {
    let count = 0;
    for (const { fanout } of this.topics.values()) count += fanout.groupCount;
    return count;
  }

  /** Subscriptions of the most watched topic in this process (a hot issue shows here). */
  get largestTopicSize(): number {
    let largest = 0;
    for (const { fanout } of this.topics.values()) largest = Math.max(largest, fanout.memberCount);
    return largest;
  }

  /**
   * Runs one `execute` action. Queries, mutations and every failure are answered with
   * `more: false`, so the client's observable completes instead of hanging. Returns the id of
   * the subscription it registered, or null.
   */
  async execute(
    data: Readonly<Record<string, unknown>>,
    context: unknown,
    transport: SubscriptionTransport,
  ): Promise<string | null> {
    try {
      return await this.executeOrThrow(data, context, transport);
    } catch (error) {
      const known = error instanceof GraphQLError;
      if (!known) this.logger.error({ err: error }, 'execute failed');
      transport.transmit({
        result: { errors: [{ message: known ? error.message : 'Internal server error' }] },
        more: false,
      });
      return null;
    }
  }

  /** Forgets a subscription and stops its topic listener when it was the last one. */
  async delete(id: string): Promise<void> {
    const registration = this.registrations.get(id);
    if (!registration) return;
    this.registrations.delete(id);
    const topic = this.topics.get(registration.topic);
    if (topic?.fanout.remove(registration.fingerprint, id)) {
      this.topics.delete(registration.topic);
      await this.adapter.unsubscribe(
        eventStream(registration.topic, this.namespace),
        topic.listener,
      );
    }
  }

  /** Publishes an event for `field(args)` to every process; `object` becomes the root value. */
  async trigger(
    field: string,
    args: Readonly<Record<string, unknown>>,
    object: unknown,
  ): Promise<void> {
    this.stats.publishes += 1;
    await this.adapter.broadcast(
      eventStream(topicFor(field, args), this.namespace),
      encodeEvent({ object, correlationId: correlationId() }),
    );
  }

  private async executeOrThrow(
    data: Readonly<Record<string, unknown>>,
    context: unknown,
    transport: SubscriptionTransport,
  ): Promise<string | null> {
    const { query, variables, operationName } = parseExecutePayload(data);
    const checked = this.documents.get(query);
    const { document } = checked;
    const errors =
      checked.errors.length > 0
        ? checked.errors
        : this.documents.executionErrors(document, operationName, variables);
    if (errors.length > 0) {
      transport.transmit({ result: { errors: errors.map((e) => e.toJSON()) }, more: false });
      return null;
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      throw new GraphQLError(
        operationName
          ? `Unknown operation named "${operationName}".`
          : 'An operation name is required',
      );
    }
    const args = {
      schema: this.schema,
      document,
      operationName,
      variableValues: variables,
      contextValue: context,
    };
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      transport.transmit({ result: this.toJson(await execute(args)), more: false });
      return null;
    }

    transport.admitSubscription?.();
    const topic = topicOfOperation(this.schema, operation, variables);
    const member: Member = {
      id: randomUUID(),
      context,
      sink: transport,
      ready: false,
      pendingJson: undefined,
    };
    const fingerprint = this.grouping
      ? groupFingerprint(operationName, query, variables, this.visibilityKey(document, context))
      : member.id;
    await this.register(
      { member, topic, fingerprint, transport },
      { document, operationName, variables },
    );

    const initial = await execute(args);
    if (initial.errors?.length) {
      await this.delete(member.id);
      transport.transmit({ result: this.toJson(initial), more: false });
      return null;
    }
    transport.transmit({ result: this.toJson(initial), more: true });
    member.ready = true;
    if (member.pendingJson !== undefined) transport.transmitSerialized(member.pendingJson);
    member.pendingJson = undefined;
    return member.id;
  }

  private async register(
    registration: Registration,
    shape: Parameters<TopicFanout['add']>[2],
  ): Promise<void> {
    this.registrations.set(registration.member.id, registration);
    const existing = this.topics.get(registration.topic);
    if (existing) {
      existing.fanout.add(registration.fingerprint, registration.member, shape);
      return;
    }
    const fanout = new TopicFanout({
      schema: this.schema,
      stats: this.stats,
      authorize: this.authorize,
      revoke: (member) => this.revoke(member.id),
      toJson: (result) => this.toJson(result),
    });
    const state: TopicState = {
      fanout,
      listener: (payload) => {
        const receivedAt = performance.now();
        const event = decodeEvent(payload); // decoded once per event
        // The delivery runs under the triggering request's correlation id, so its log lines
        // (on every process) can be joined with the mutation's.
        fanout.queue = fanout.queue.then(() =>
          withCorrelationId(event.correlationId, () =>
            fanout.dispatch(event.object).then(
              () => {
                const seconds = (performance.now() - receivedAt) / 1000;
                this.onEventDelivered(seconds);
                this.logger.info(
                  {
                    topic: registration.topic,
                    subscribers: fanout.memberCount,
                    duration_s: seconds,
                  },
                  'push',
                );
              },
              (error: unknown) =>
                this.logger.error(
                  { err: error, topic: registration.topic },
                  'event delivery failed',
                ),
            ),
          ),
        );
      },
    };
    fanout.add(registration.fingerprint, registration.member, shape);
    this.topics.set(registration.topic, state);
    await this.adapter.subscribe(eventStream(registration.topic, this.namespace), state.listener);
  }

  /** Ends a subscription whose subscriber may no longer see its topic: `{"more":false}`, no data. */
  private revoke(id: string): void {
    const registration = this.registrations.get(id);
    if (!registration) return;
    this.logger.info(
      { subscriptionId: id, topic: registration.topic },
      'subscription ended: access lost',
    );
    registration.transport.transmit({ more: false });
    this.delete(id).catch((error: unknown) => this.logger.error({ err: error }, 'revoke failed'));
  }

  private toJson(result: ExecutionResult): GraphQLResultJson {
    const json: GraphQLResultJson = {};
    if (result.data !== undefined) json.data = result.data;
    if (result.errors)
      json.errors = result.errors.map((error) => maskError(error, this.logger).toJSON());
    return json;
  }
}
