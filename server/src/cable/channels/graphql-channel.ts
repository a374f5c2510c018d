import { EXECUTE_ACTION } from '@shared/graphql/channel.js';

import type {
  ActionCableSubscriptions,
  SubscriptionTransport,
} from '../../graphql/subscriptions/action-cable-subscriptions.js';
import { Channel, type ActionData, type ChannelConnection } from '../channel.js';

export interface GraphqlChannelDeps {
  subscriptions: Pick<ActionCableSubscriptions, 'runOperation' | 'delete'>;
  /** The GraphQL context for this connection's user (the same builder HTTP uses). */
  contextFor(connection: ChannelConnection): unknown;
}

/**
 * graphql-ruby's GraphqlChannel: each `execute` action runs one GraphQL document; a
 * subscription stays registered until the channel unsubscribes. One channel may carry several
 * operations (urql and GraphiQL clients share one identifier), so every id is remembered.
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

  private async execute(data: ActionData): Promise<void> {
    const context = this.deps.contextFor(this.connection);
    // The channel is the engine's transport itself: no per-subscriber adapter object.
    const id = await this.deps.subscriptions.runOperation(
      data,
      context,
      this satisfies SubscriptionTransport,
    );
    if (id !== null) this.subscriptionIds.add(id);
  }

  protected override unsubscribed(): void {
    for (const id of this.subscriptionIds) this.deps.subscriptions.delete(id);
    this.subscriptionIds.clear();
  }
}
