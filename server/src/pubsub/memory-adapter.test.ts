import { describe, expect, it } from 'vitest';

import { adapterLifecycleContract, pubsubEngineContract } from './adapter-contract.js';
import { MemoryAdapter } from './memory-adapter.js';

// One process: "the other process" is the same instance.
const setup = () => {
  const adapter = new MemoryAdapter();
  return Promise.resolve({ a: adapter, b: adapter, teardown: () => adapter.shutdown() });
};
pubsubEngineContract('MemoryAdapter', setup);
adapterLifecycleContract('MemoryAdapter', setup);

describe('MemoryAdapter', () => {
  it('delivers before publish settles, so a caller can rely on it having happened', async () => {
    const adapter = new MemoryAdapter();
    const received: string[] = [];
    await adapter.subscribe('sync', (payload) => received.push(payload));
    const published = adapter.publish('sync', 'now');
    expect(received).toEqual(['now']);
    await published;
  });

  it('still delivers to the other handlers when one throws, and rejects the publish', async () => {
    const adapter = new MemoryAdapter();
    const received: string[] = [];
    const boom = new Error('handler failed');
    await adapter.subscribe('throws', () => {
      throw boom;
    });
    await adapter.subscribe('throws', (payload) => received.push(payload));
    await expect(adapter.publish('throws', 'x')).rejects.toBe(boom);
    expect(received).toEqual(['x']);
  });

  it('counts subscriptions and releases them on unsubscribe and shutdown', async () => {
    const adapter = new MemoryAdapter();
    const handler = (): void => undefined;
    const first = await adapter.subscribe('one', handler);
    await adapter.subscribe('one', handler);
    await adapter.subscribe('two', handler);
    expect(adapter.subscriptionCount).toBe(3);
    adapter.unsubscribe(first);
    adapter.unsubscribe(first); // twice: the second is ignored
    expect(adapter.subscriptionCount).toBe(2);
    await adapter.shutdown();
    expect(adapter.subscriptionCount).toBe(0);
  });
});
