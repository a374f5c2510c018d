import { randomUUID } from 'node:crypto';

import {
  execute,
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';

import type { CheckedDocuments } from '../checked-documents.js';

import { parseExecutePayload } from './execute-payload.js';
import { groupFingerprint } from './fingerprint.js';
import { topicOfOperation } from './operation-topic.js';
import { resultJson } from './result-json.js';
import type { SubscriptionRegistry } from './subscription-registry.js';
import type { EventAuthorizer, Member, SubscriptionTransport } from './topic-fanout.js';
import type { TopicState } from './topic-state.js';

export interface RunnerDeps {
  schema: GraphQLSchema;
  registry: SubscriptionRegistry;
  /** Parse/validate cache and cost limits, shared with HTTP. */
  documents: CheckedDocuments;
  logger: Logger;
  authorize: EventAuthorizer;
  state: TopicState | undefined;
  /** false: every subscriber is its own group (GitLab's design), for benchmarks. */
  grouping: boolean;
  /** Part of the group key for documents whose result depends on who asks. */
  visibilityKey: (document: DocumentNode, context: unknown) => string;
}

/**
 * Runs one operation sent over a GraphqlChannel (graphql-ruby's `GraphqlChannel#execute`).
 * Queries and mutations are answered once with `more: false`. A subscription is filed under its
 * topic and group first, then executed once: that result, the current state, is its first
 * payload, and an event that arrived meanwhile follows it if it is newer. With a TopicState the
 * current object is read once and, when the event check lets this subscriber see it, becomes the
 * root value exactly as an event's object does (so the first payload's version is known);
 * otherwise the field's resolver loads the object and answers the refusal itself.
 */
export class OperationRunner {
  constructor(private readonly deps: RunnerDeps) {}

  /**
   * Every failure is answered with `more: false`, so the client's observable completes instead
   * of hanging. Resolves with the id of the subscription it registered, or null.
   */
  async run(
    data: Readonly<Record<string, unknown>>,
    context: unknown,
    transport: SubscriptionTransport,
  ): Promise<string | null> {
    try {
      return await this.runOrThrow(data, context, transport);
    } catch (error) {
      const known = error instanceof GraphQLError;
      if (!known) this.deps.logger.error({ err: error }, 'execute failed');
      transport.transmit({
        result: { errors: [{ message: known ? error.message : 'Internal server error' }] },
        more: false,
      });
      return null;
    }
  }

  private async runOrThrow(
    data: Readonly<Record<string, unknown>>,
    context: unknown,
    transport: SubscriptionTransport,
  ): Promise<string | null> {
    const { schema, registry, logger, documents } = this.deps;
    const { query, variables, operationName } = parseExecutePayload(data);
    const checked = documents.get(query);
    const { document } = checked;
    const errors =
      checked.errors.length > 0
        ? checked.errors
        : documents.executionErrors(document, operationName, variables);
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
      schema,
      document,
      operationName,
      variableValues: variables,
      contextValue: context,
    };
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      transport.transmit({ result: resultJson(await execute(args), logger), more: false });
      return null;
    }

    transport.admitSubscription?.();
    const member: Member = { id: randomUUID(), context, transport };
    const fingerprint = this.deps.grouping
      ? groupFingerprint(
          operationName,
          query,
          variables,
          this.deps.visibilityKey(document, context),
        )
      : member.id;
    const topic = topicOfOperation(schema, operation, variables);
    await registry.add({ member, topic, fingerprint }, { document, operationName, variables });

    const root = await this.currentFor(topic, context);
    if (root === undefined) {
      // The field's resolver loads the object (and answers a refusal) itself.
      const initial = await execute(args);
      if (initial.errors?.length) {
        registry.delete(member.id);
        transport.transmit({ result: resultJson(initial, logger), more: false });
        return null;
      }
      transport.transmit({ result: resultJson(initial, logger), more: true });
      registry.ready(member.id, undefined);
      return member.id;
    }
    // The group's members that start from the same state share one execution and its JSON.
    const group = registry.groupOf(member.id);
    let message = group?.fanout.messageFor(group.fingerprint, root);
    if (message === undefined) {
      const initial = await execute({ ...args, rootValue: root });
      if (initial.errors?.length) {
        registry.delete(member.id);
        transport.transmit({ result: resultJson(initial, logger), more: false });
        return null;
      }
      message = JSON.stringify({ result: resultJson(initial, logger), more: true });
      group?.fanout.rememberMessage(group.fingerprint, root, message);
    }
    transport.transmitSerialized(message);
    registry.ready(member.id, this.deps.state?.versionOf(root));
    return member.id;
  }

  /** The topic's object as it is now, if this subscriber may see it; else undefined. */
  private async currentFor(
    topic: Parameters<TopicState['current']>[0],
    context: unknown,
  ): Promise<unknown> {
    const { state, authorize } = this.deps;
    if (!state) return undefined;
    const object = await this.deps.registry.current(topic);
    if (object === null || object === undefined) return undefined;
    const allowed = await authorize(object, [context]);
    return allowed(context) === true ? object : undefined;
  }
}
