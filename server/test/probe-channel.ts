import { Channel, type ActionData, type ChannelFactory } from '../src/cable/channel.js';

/** How often each identifier's hooks ran, for exactly-once assertions. */
export class HookCounts {
  readonly subscribed = new Map<string, number>();
  readonly unsubscribed = new Map<string, number>();

  bump(map: Map<string, number>, identifier: string): void {
    map.set(identifier, (map.get(identifier) ?? 0) + 1);
  }
}

/**
 * A channel for protocol tests. Identifier params: `reject: true` rejects in `subscribed`;
 * `stream: "<name>"` streams from that pub/sub stream during `subscribed`. Actions: `echo`
 * (transmits the decoded data) and `whoami` (the connection's identity and the params).
 * `secret` is a public method that is not an action: clients must not reach it.
 */
class ProbeChannel extends Channel {
  constructor(
    connection: ConstructorParameters<typeof Channel>[0],
    identifier: string,
    params: Readonly<Record<string, unknown>>,
    private readonly counts: HookCounts,
  ) {
    super(connection, identifier, params);
  }

  protected override readonly actions = {
    echo: (data: ActionData) => this.transmit({ echo: data }),
    whoami: () => this.transmit({ identity: this.connection.identity, params: this.params }),
  };

  secret(): void {
    this.transmit({ leaked: true });
  }

  protected override async subscribed(): Promise<void> {
    this.counts.bump(this.counts.subscribed, this.identifier);
    if (this.params.reject === true) this.reject();
    if (typeof this.params.stream === 'string') await this.streamFrom(this.params.stream);
  }

  protected override unsubscribed(): void {
    this.counts.bump(this.counts.unsubscribed, this.identifier);
  }
}

export function probeChannel(counts: HookCounts): ChannelFactory {
  return (connection, identifier, params) =>
    new ProbeChannel(connection, identifier, params, counts);
}

export const probeIdentifier = (params: Record<string, unknown> = {}): string =>
  JSON.stringify({ channel: 'ProbeChannel', ...params });
