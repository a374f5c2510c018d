import { randomUUID } from 'node:crypto';

import {
  execute,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';

import type { ChannelResult, GraphQLResultJson } from '@shared/graphql/channel.js';

import type { StreamListener, SubscriptionAdapter } from '../../pubsub/adapter.js';

import { maskError } from '../mask-error.js';

import { decodeEvent, encodeEvent } from './event-codec.js';
import { parseExecutePayload } from './execute-payload.js';
import { eventStream, topicFor } from './topic.js';

/** Where a subscription's payloads go (the GraphqlChannel that executed it). */
export type Transmit = (payload: ChannelResult) => void;

interface StoredSubscription {
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
  readonly context: unknown;
  readonly transmit: Transmit;
  readonly topic: string;
  /** False until the initial payload is sent; events meanwhile wait in `pending`. */
  ready: boolean;
  pending: { object: unknown } | undefined;
}

interface TopicListener {
  readonly ids: Set<string>;
  readonly listener: StreamListener;
  /** Events of one topic are delivered one after another, in the order received. */
  queue: Promise<void>;
}

/**
 * graphql-ruby's `ActionCableSubscriptions` for graphql-js: executes documents sent through a
 * GraphqlChannel, stores live subscriptions per process, and re-executes them with the trigger's
 * object as root value when an event arrives on their topic's stream.
 *
 * The first payload of a subscription carries its current result (not `{}`), computed after the
 * topic listener is registered; an event arriving in between is delivered right after it, so
 * neither a trigger fired just after subscribing nor one fired during the initial read is lost.
 */
export class ActionCableSubscriptions {
  private readonly subscriptions = new Map<string, StoredSubscription>();
  private readonly topics = new Map<string, TopicListener>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly adapter: SubscriptionAdapter,
    private readonly logger: Logger,
    private readonly namespace = '',
  ) {}

  /** Live subscriptions in this process. */
  get size(): number {
    return this.subscriptions.size;
  }

  /** Topics with at least one listener in this process. */
  get topicCount(): number {
    return this.topics.size;
  }

  /**
   * Runs one `execute` action. Queries and mutations, and every failure, are answered with
   * `more: false` (so the client's observable completes instead of hanging). Returns the id of
   * the subscription it registered, or null.
   */
  async execute(
    data: Readonly<Record<string, unknown>>,
    context: unknown,
    transmit: Transmit,
  ): Promise<string | null> {
    try {
      return await this.executeOrThrow(data, context, transmit);
    } catch (error) {
      const known = error instanceof GraphQLError;
      if (!known) this.logger.error({ err: error }, 'execute failed');
      transmit({
        result: { errors: [{ message: known ? error.message : 'Internal server error' }] },
        more: false,
      });
      return null;
    }
  }

  /** Forgets a subscription and stops its topic listener when it was the last one. */
  async delete(id: string): Promise<void> {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return;
    this.subscriptions.delete(id);
    const topic = this.topics.get(subscription.topic);
    if (!topic) return;
    topic.ids.delete(id);
    if (topic.ids.size === 0) {
      this.topics.delete(subscription.topic);
      await this.adapter.unsubscribe(this.stream(subscription.topic), topic.listener);
    }
  }

  /** Publishes an event for `field(args)` to every process; `object` becomes the root value. */
  async trigger(
    field: string,
    args: Readonly<Record<string, unknown>>,
    object: unknown,
  ): Promise<void> {
    await this.adapter.broadcast(this.stream(topicFor(field, args)), encodeEvent(object));
  }

  private async executeOrThrow(
    data: Readonly<Record<string, unknown>>,
    context: unknown,
    transmit: Transmit,
  ): Promise<string | null> {
    const { query, variables, operationName } = parseExecutePayload(data);
    const document = parse(query);
    const validationErrors = validate(this.schema, document);
    if (validationErrors.length > 0) {
      transmit({ result: { errors: validationErrors.map((e) => e.toJSON()) }, more: false });
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
      transmit({ result: toJson(await execute(args), this.logger), more: false });
      return null;
    }

    const topic = this.topicOf(operation, variables);
    const id = randomUUID();
    const subscription: StoredSubscription = {
      document,
      operationName,
      variables,
      context,
      transmit,
      topic,
      ready: false,
      pending: undefined,
    };
    this.subscriptions.set(id, subscription);
    await this.listen(topic, id);

    const initial = await execute(args);
    if (initial.errors?.length) {
      await this.delete(id);
      transmit({ result: toJson(initial, this.logger), more: false });
      return null;
    }
    transmit({ result: toJson(initial, this.logger), more: true });
    subscription.ready = true;
    if (subscription.pending) await this.deliver(subscription, subscription.pending.object);
    subscription.pending = undefined;
    return id;
  }

  /** The topic of the subscription's single root field with its coerced arguments. */
  private topicOf(
    operation: NonNullable<ReturnType<typeof getOperationAST>>,
    variables: Record<string, unknown>,
  ): string {
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) throw coerced.errors[0] ?? new GraphQLError('Invalid variables');
    const [selection] = operation.selectionSet.selections;
    if (selection?.kind !== Kind.FIELD) {
      throw new GraphQLError('A subscription must select its root field directly');
    }
    const field = this.schema.getSubscriptionType()?.getFields()[selection.name.value];
    if (!field) throw new GraphQLError(`Unknown subscription field "${selection.name.value}"`);
    return topicFor(field.name, getArgumentValues(field, selection, coerced.coerced));
  }

  private async listen(topic: string, id: string): Promise<void> {
    const existing = this.topics.get(topic);
    if (existing) {
      existing.ids.add(id);
      return;
    }
    const state: TopicListener = {
      ids: new Set([id]),
      queue: Promise.resolve(),
      listener: (payload) => {
        state.queue = state.queue
          .then(() => this.dispatch(state, payload))
          .catch((error: unknown) =>
            this.logger.error({ err: error, topic }, 'event delivery failed'),
          );
      },
    };
    this.topics.set(topic, state);
    await this.adapter.subscribe(this.stream(topic), state.listener);
  }

  private async dispatch(topic: TopicListener, payload: string): Promise<void> {
    const object = decodeEvent(payload); // once per event, not per subscriber
    for (const id of [...topic.ids]) {
      const subscription = this.subscriptions.get(id);
      if (!subscription) continue;
      if (!subscription.ready) {
        subscription.pending = { object }; // the latest state wins; events carry full state
        continue;
      }
      await this.deliver(subscription, object);
    }
  }

  private async deliver(subscription: StoredSubscription, object: unknown): Promise<void> {
    const result = await execute({
      schema: this.schema,
      document: subscription.document,
      operationName: subscription.operationName,
      variableValues: subscription.variables,
      contextValue: subscription.context,
      rootValue: object,
    });
    subscription.transmit({ result: toJson(result, this.logger), more: true });
  }

  private stream(topic: string): string {
    return eventStream(topic, this.namespace);
  }
}

function toJson(result: ExecutionResult, logger: Logger): GraphQLResultJson {
  const json: GraphQLResultJson = {};
  if (result.data !== undefined) json.data = result.data;
  if (result.errors) json.errors = result.errors.map((error) => maskError(error, logger).toJSON());
  return json;
}
