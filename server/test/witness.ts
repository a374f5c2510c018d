import { expect } from 'vitest';

import { CableClient, graphqlIdentifier } from './cable-client.js';

/**
 * A bystander during an attack: it keeps doing a cable round trip (`execute { __typename }`)
 * and a `/-/liveness` request, one after the other, for as long as the attack runs, and
 * reports the slowest of each, measured with timestamps. The first probe starts with the
 * attack, so at least one overlaps it.
 */
export class Witness {
  private constructor(
    private readonly url: string,
    private readonly client: CableClient,
    private readonly identifier: string,
  ) {}

  static async start(url: string): Promise<Witness> {
    const client = await CableClient.connect(url);
    expect(await client.nextNonPing()).toEqual({ type: 'welcome' });
    const identifier = graphqlIdentifier('witness');
    client.subscribe(identifier);
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
    const witness = new Witness(url, client, identifier);
    // One probe first: the first fetch and execute pay for connection setup and compilation.
    await Promise.all([witness.roundTrip(), witness.liveness()]);
    return witness;
  }

  async during<T>(
    attack: Promise<T>,
  ): Promise<{ result: T; cableMs: number; livenessMs: number; probes: number }> {
    let settled = false;
    const watched = attack.finally(() => {
      settled = true;
    });
    let cableMs = 0;
    let livenessMs = 0;
    let probes = 0;
    do {
      const [cable, liveness] = await Promise.all([this.roundTrip(), this.liveness()]);
      cableMs = Math.max(cableMs, cable);
      livenessMs = Math.max(livenessMs, liveness);
      probes += 1;
    } while (!settled);
    return { result: await watched, cableMs, livenessMs, probes };
  }

  close(): void {
    this.client.close();
  }

  private async roundTrip(): Promise<number> {
    const started = performance.now();
    this.client.perform(this.identifier, { action: 'execute', query: '{ __typename }' });
    const answer = await this.client.next(
      (frame) => frame.identifier === this.identifier && frame.message !== undefined,
      30_000,
    );
    expect(answer.message).toEqual({ result: { data: { __typename: 'Query' } }, more: false });
    this.client.discardRead();
    return performance.now() - started;
  }

  private async liveness(): Promise<number> {
    const started = performance.now();
    const response = await fetch(`${this.url}/-/liveness`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    return performance.now() - started;
  }
}
