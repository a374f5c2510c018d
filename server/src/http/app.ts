import express, { type ErrorRequestHandler } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/express';
import type { Logger } from 'pino';

import { CABLE } from '@shared/cable/protocol.js';

import { createGraphQLContext, type ContextServices } from '../graphql/context.js';
import type { FeatureFlags } from '../features/feature-flags.js';
import type { CheckedDocuments } from '../graphql/checked-documents.js';
import { httpExecution } from '../graphql/http-execution.js';
import { maskError } from '../graphql/mask-error.js';
import type { PageLookup } from '../domain/page-lookup.js';
import type { UserDirectory } from '../domain/user-directory.js';
import { authMiddleware, authOf, principalOf, requireCsrfToken } from '../identity/request-auth.js';
import type { SignInThrottle } from '../identity/sign-in-throttle.js';

import { apiV4Routes } from './api-v4.js';
import { ISSUE_TEXT_BODY_LIMIT } from './api-v4-helpers.js';
import { avatarHandler } from './avatars.js';
import type { ClientAssets } from './client-assets.js';
import { featuresApiRoutes } from './features-api.js';
import { indexHtmlHandler } from './index-html.js';
import { MILESTONE_PAGE, milestoneRedirect } from './milestone-redirect.js';
import { answerPage } from './page-answer.js';
import { requestLog } from './request-log.js';
import { sessionRoutes } from './session-routes.js';
import { userStatusRoutes } from './user-status-routes.js';
import { usersApiRoutes } from './users-api.js';

export interface AppOptions {
  schema: GraphQLSchema;
  /** Parse/validate cache and cost limits, shared with the cable. */
  documents: CheckedDocuments;
  services: ContextServices;
  /** Users as GitLab's users API lists them (emails for administrators). */
  users: UserDirectory;
  logger: Logger;
  throttle: SignInThrottle;
  /** Ends a user's cable connections on every process (sign-out, token revoked). */
  disconnectUser(userId: number): Promise<void>;
  /** The page and its assets: the build, or Vite's dev server (`npm run dev`). */
  client: ClientAssets;
  /** Feature flags (the Features API, and the page's real-time switch). */
  features: FeatureFlags;
  /** What a page's status and title are read from (404 for missing and unreadable pages). */
  pages: PageLookup;
  /** Largest accepted GraphQL request body. */
  maxBodyBytes?: number;
  /** Health and metrics routes (observability/), served before anything else. */
  probeRoutes?: express.RequestHandler;
}

/**
 * The HTTP side: every request is authenticated once (bearer token or session cookie);
 * `POST /api/graphql` (graphql-http, the maintained GraphQL-over-HTTP handler) with CSRF
 * protection for cookie sessions; sign-in/out and the REST API at GitLab's paths; avatars; the
 * built client with a history fallback; and 404s for non-upgrade requests to the cable path.
 */
export function createApp(options: AppOptions): express.Express {
  const { services, logger } = options;
  const disconnectUser = (userId: number) => options.disconnectUser(userId);
  const app = express();
  app.disable('x-powered-by');
  // Probes and scrapes come often and need no session: answered before any other work.
  if (options.probeRoutes) app.use(options.probeRoutes);
  // Static files and avatars are the same for everyone: served before authentication, so a
  // page load does not cost a session lookup per asset.
  app.use(options.client.middleware);
  app.get('/avatars/:file', avatarHandler);
  app.use(requestLog(logger));
  app.use(authMiddleware(services.identity));

  app.use(
    '/api/graphql',
    express.json({ limit: options.maxBodyBytes ?? ISSUE_TEXT_BODY_LIMIT }),
    requireCsrfToken,
  );
  const shared = httpExecution(options.documents);
  app.all(
    '/api/graphql',
    createHandler({
      schema: options.schema,
      parse: shared.parse,
      validate: shared.validate,
      execute: shared.execute,
      context: (req) => createGraphQLContext(services, principalOf(authOf(req.raw))),
      formatError: (error) => (error instanceof GraphQLError ? maskError(error, logger) : error),
    }),
  );
  app.use(
    sessionRoutes({
      identity: services.identity,
      throttle: options.throttle,
      logger,
      disconnectUser,
    }),
  );
  app.use(featuresApiRoutes({ features: options.features, logger }));
  app.use(
    userStatusRoutes({ statuses: services.userStatuses, identity: services.identity, logger }),
  );
  app.use(usersApiRoutes({ users: options.users }));
  app.use(apiV4Routes({ ...services, logger, disconnectUser }));
  app.all(CABLE.mountPath, (_req, res) => {
    res.status(404).type('text/plain').send('Page not found');
  });
  // The sidebar's milestone link: GitLab's milestone page, answered with the milestone's issues.
  app.get(
    MILESTONE_PAGE,
    milestoneRedirect(
      (req) => principalOf(authOf(req)).account,
      options.pages,
      services.repository,
    ),
  );
  const page = indexHtmlHandler(options.client, {
    realtimeEnabled: () => options.features.isEnabled('real_time_issue_sidebar'),
    answer: (req) => answerPage(req.path, principalOf(authOf(req)).account, options.pages),
  });
  app.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/')) res.status(404).json({ message: '404 Not found' });
    else void page(req, res, next);
  });

  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // e.g. malformed JSON or a body over the limit: the caller's mistake, said plainly.
      res.status(status).json({ errors: [{ message: (error as Error).message }] });
      return;
    }
    logger.error({ err: error }, 'request failed');
    res.status(500).json({ errors: [{ message: 'Internal server error' }] });
  };
  app.use(onError);
  return app;
}
