import { fileURLToPath } from 'node:url';

import { pino } from 'pino';
import { afterAll } from 'vitest';

import { startServer, type RunningServer, type StartOptions } from '../src/start-server.js';

import { graphqlAs } from './sign-in.js';

/** The origin test clients send; same-origin checks compare it with the Host header. */
export const TEST_ORIGIN = 'http://test.example';

/**
 * Starts the real server on port 0 with an in-memory database and registers it for disposal
 * after the file's tests. Logs are silent unless TEST_LOG_LEVEL is set.
 */
export async function startTestServer(
  overrides: Partial<StartOptions> = {},
): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: undefined,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    origins: { allowedOrigins: [TEST_ORIGIN], allowLocalhost: false },
    clientDir: fileURLToPath(new URL('../../dist/client', import.meta.url)),
    ...overrides,
  });
  afterAll(() => server.close());
  return server;
}

/** POSTs a GraphQL operation over HTTP as an anonymous visitor and returns the parsed body. */
export async function graphqlRequest<T = Record<string, unknown>>(
  server: Pick<RunningServer, 'url'>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const { body } = await graphqlAs(server, null, query, variables);
  return body as { data?: T; errors?: { message: string }[] };
}
