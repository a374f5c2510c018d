import { GraphQLError } from 'graphql';

import { EXECUTE_ACTION } from '@shared/graphql/channel.js';

import type {
  ActionCableSubscriptions,
  SubscriptionTransport,
} from '../../graphql/subscriptions/action-cable-subscriptions.js';
import { Channel, type ActionData, type ChannelConnection } from '../channel.js';

import { operationOfIdentifier } from './identifier-operation.js';

export interface GraphqlChannelDeps {
  subscriptions: Pick<ActionCableSubscriptions, 'runOperation' | 'delete'>;
  /** The GraphQL context for this connection's user (the same builder HTTP uses). */
  contextFor(connection: ChannelConnection): unknown;
}

/**
 * graphql-ruby's GraphqlChannel: each `execute` action runs one GraphQL document; a
 * subscription stays registered until the channel unsubscribes. One channel may carry several
 * operations (urql and GraphiQL clients share one identifier), so every id is remembered.
 *
 * GitLab's own link puts the operation in the identifier instead; `subscribed` runs it through
 * the same `execute`, so both styles share grouping, permission checks, limits and the first
 * payload. That payload goes out before the confirmation, as Rails sends it.
 */
export class GraphqlChannel extends Channel {
  private readonly subscriptionIds = new Set<string>();

  protected override readonly actions = {
    [EXECUTE_ACTION]: (data: ActionData) => this.execute(data),
  };

  constructor(
    connection: ChannelConnection,
    identifier: string,
    params: Readonly<Record<string, unknown>>,
    private readonly deps: GraphqlChannelDeps,
  ) {
    super(connection, identifier, params);
  }

  /** GitLab's style: the operation from the identifier, executed on subscribe. */
  protected override async subscribed(): Promise<void> {
    const operation = operationOfIdentifier(this.params);
    if (operation === null) return;
    if ('variablesError' in operation) {
      // GitLab's channel answers invalid variables outside `result`, and still confirms.
      this.transmit({ errors: [{ message: operation.variablesError }] });
      return;
    }
    await this.execute({ ...operation });
  }

  private async execute(data: ActionData): Promise<void> {
    const context = this.deps.contextFor(this.connection);
    // The channel is the engine's transport itself: no per-subscriber adapter object.
    const id = await this.deps.subscriptions.runOperation(
      data,
      context,
      this satisfies SubscriptionTransport,
    );
    if (id === null) return;
    this.subscriptionIds.add(id);
    this.connection.operations.add();
  }

  /** Subscriptions of every channel of one connection count as one viewer (presence). */
  get connectionId(): string {
    return this.connection.id;
  }

  /** The engine asks before registering a subscription: the cap counts the whole connection. */
  admitSubscription(): void {
    const { operations } = this.connection;
    if (operations.isFull) {
      throw new GraphQLError(
        `This connection already has ${operations.max} live subscriptions (limit maxGraphqlSubscriptions)`,
      );
    }
  }

  /** The engine ended one on its own (access lost): it no longer counts against the cap. */
  subscriptionEnded(id: string): void {
    if (this.subscriptionIds.delete(id)) this.connection.operations.release(1);
  }

  protected override unsubscribed(): void {
    for (const id of this.subscriptionIds) this.deps.subscriptions.delete(id);
    this.connection.operations.release(this.subscriptionIds.size);
    this.subscriptionIds.clear();
  }
}
