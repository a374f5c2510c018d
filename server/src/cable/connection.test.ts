import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { MemoryAdapter } from '../pubsub/memory-adapter.js';

import { CableStats } from './cable-stats.js';
import { Connection, type ConnectionOptions } from './connection.js';
import { DEFAULT_CABLE_LIMITS } from './server.js';
import { TestSocket } from './testing.js';

function openConnection(socket: TestSocket, overrides: Partial<ConnectionOptions> = {}) {
  const opened: Connection[] = [];
  const connection = new Connection(
    socket,
    { headers: {}, url: '/-/cable', remoteAddress: '127.0.0.1' },
    {
      identify: () => Promise.resolve({ userId: null }),
      channels: {},
      logger: pino({ level: 'silent' }),
      pubsub: new MemoryAdapter(),
      limits: DEFAULT_CABLE_LIMITS,
      maxBufferedBytes: 1024,
      onOpen: (c) => opened.push(c),
      onClose: () => undefined,
      ...overrides,
    },
  );
  connection.start();
  return { connection, opened };
}

describe('Connection', () => {
  it('disconnects a slow consumer instead of buffering without bound', async () => {
    const socket = new TestSocket();
    const stats = new CableStats();
    const { connection, opened } = openConnection(socket, { stats });
    await expect.poll(() => opened.length).toBe(1);
    expect(socket.sent).toEqual([{ type: 'welcome' }]);
    expect(stats).toMatchObject({ framesTransmitted: 1, controlFramesTransmitted: 1 });

    socket.bufferedAmount = 1025; // the peer stopped reading: unsent bytes pile up
    connection.beat(Date.now());
    expect(socket.sent.at(-1)).toEqual({
      type: 'disconnect',
      reason: 'slow_consumer',
      reconnect: true,
    });
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'slow_consumer' });
    expect(connection.isOpen).toBe(false);
    // The dropped ping is not counted as transmitted.
    expect(stats).toMatchObject({ slowConsumerDisconnects: 1, framesTransmitted: 1 });
  });

  it('keeps sending while the buffer is under the limit', async () => {
    const socket = new TestSocket();
    const { connection, opened } = openConnection(socket);
    await expect.poll(() => opened.length).toBe(1);
    socket.bufferedAmount = 1024;
    connection.beat(60_000);
    expect(socket.sent.at(-1)).toEqual({ type: 'ping', message: 60 });
    expect(socket.closedWith).toBeUndefined();
  });
});
