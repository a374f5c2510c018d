import { afterAll } from 'vitest';

import { launchRedisServer, type RedisServer } from './redis-process.js';

export { REDIS_SERVER_BINARY, type RedisServer } from './redis-process.js';

/**
 * Starts a throwaway redis-server for a Vitest file and stops it after the file's tests; call
 * it at the top level of a test file or from a file-level hook.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const server = await launchRedisServer();
  afterAll(() => server.dispose());
  return server;
}
