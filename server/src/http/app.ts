import { existsSync } from 'node:fs';
import { join } from 'node:path';

import express, { type ErrorRequestHandler } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/express';
import type { Logger } from 'pino';

import { CABLE } from '@shared/cable/protocol.js';

import { createGraphQLContext, type ContextServices } from '../graphql/context.js';
import { maskError } from '../graphql/mask-error.js';

import { avatarHandler } from './avatars.js';

export interface AppOptions {
  schema: GraphQLSchema;
  services: ContextServices;
  logger: Logger;
  /** The built client (dist/client); absent in API-only tests. */
  clientDir: string;
  /** Largest accepted GraphQL request body. */
  maxBodyBytes?: number;
}

/**
 * The HTTP side: `POST /api/graphql` (graphql-http, the maintained GraphQL-over-HTTP handler),
 * avatars, the built client with a history fallback so deep links load the app, and 404s for
 * non-upgrade requests to the cable path (as Rails answers them).
 */
export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.use('/api/graphql', express.json({ limit: options.maxBodyBytes ?? 256 * 1024 }));
  app.all(
    '/api/graphql',
    createHandler({
      schema: options.schema,
      context: () => createGraphQLContext(options.services, null),
      formatError: (error) =>
        error instanceof GraphQLError ? maskError(error, options.logger) : error,
    }),
  );
  app.all(CABLE.mountPath, (_req, res) => {
    res.status(404).type('text/plain').send('Page not found');
  });
  app.get('/avatars/:file', avatarHandler);

  const indexHtml = join(options.clientDir, 'index.html');
  app.use(express.static(options.clientDir, { index: false }));
  app.get('/{*path}', (req, res) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/-/')) {
      res.status(404).type('text/plain').send('Not found');
    } else if (existsSync(indexHtml)) {
      res.sendFile(indexHtml);
    } else {
      res.status(503).type('text/plain').send('The client is not built: run `npm run build`.');
    }
  });

  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // e.g. malformed JSON or a body over the limit: the caller's mistake, said plainly.
      res.status(status).json({ errors: [{ message: (error as Error).message }] });
      return;
    }
    options.logger.error({ err: error }, 'request failed');
    res.status(500).json({ errors: [{ message: 'Internal server error' }] });
  };
  app.use(onError);
  return app;
}
