import { describe, expect, it } from 'vitest';

import { adapterContract } from './adapter-contract.js';
import { MemoryAdapter } from './memory-adapter.js';

// One process: "the other process" is the same instance.
adapterContract('MemoryAdapter', () => {
  const adapter = new MemoryAdapter();
  return Promise.resolve({ a: adapter, b: adapter, teardown: () => adapter.shutdown() });
});

describe('MemoryAdapter', () => {
  it('delivers before broadcast settles, so a caller can rely on it having happened', async () => {
    const adapter = new MemoryAdapter();
    const received: string[] = [];
    await adapter.subscribe('sync', (payload) => received.push(payload));
    const broadcast = adapter.broadcast('sync', 'now');
    expect(received).toEqual(['now']);
    await broadcast;
  });

  it('still delivers to the other listeners when one throws, and rejects the broadcast', async () => {
    const adapter = new MemoryAdapter();
    const received: string[] = [];
    const boom = new Error('listener failed');
    await adapter.subscribe('throws', () => {
      throw boom;
    });
    await adapter.subscribe('throws', (payload) => received.push(payload));
    await expect(adapter.broadcast('throws', 'x')).rejects.toBe(boom);
    expect(received).toEqual(['x']);
  });

  it('counts (stream, listener) pairs and releases them on unsubscribe and shutdown', async () => {
    const adapter = new MemoryAdapter();
    const listener = (): void => undefined;
    await adapter.subscribe('one', listener);
    await adapter.subscribe('one', listener);
    await adapter.subscribe('two', listener);
    expect(adapter.listenerCount).toBe(2);
    await adapter.unsubscribe('one', listener);
    expect(adapter.listenerCount).toBe(1);
    await adapter.shutdown();
    expect(adapter.listenerCount).toBe(0);
  });
});
