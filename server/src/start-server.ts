import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import type { Logger } from 'pino';

import type { Role } from './config.js';
import type { ChannelFactory, ConnectionIdentity } from './cable/channel.js';
import { GraphqlChannel } from './cable/channels/graphql-channel.js';
import { DrizzleUserStatusRepository } from './db/drizzle-user-status-repository.js';
import { UserStatusService } from './domain/user-status-service.js';
import type { IdentifyHook } from './cable/connection.js';
import { UnauthorizedError } from './cable/errors.js';
import type { OriginPolicy } from './cable/origin.js';
import { CableServer, type CableLimits } from './cable/server.js';
import { openDatabase, type Database } from './db/open-database.js';
import { FeatureFlags } from './features/feature-flags.js';
import { IssueUpdateService } from './domain/issue-update-service.js';
import { withSingleFlightIssueReads } from './domain/single-flight-reads.js';
import type { IdentityRepository } from './domain/identity.js';
import {
  ANONYMOUS,
  createGraphQLContext,
  type ContextServices,
  type Principal,
} from './graphql/context.js';
import { GraphqlTriggers } from './graphql/graphql-triggers.js';
import { issueEventAuthorizer } from './graphql/resolvers/operations.js';
import { buildSchema } from './graphql/schema.js';
import { viewerVisibilityKey } from './graphql/viewer-specific.js';
import { ActionCableSubscriptions } from './graphql/subscriptions/action-cable-subscriptions.js';
import { createApp } from './http/app.js';
import { authenticate } from './identity/authenticate.js';
import { principalOf } from './identity/request-auth.js';
import { SignInThrottle } from './identity/sign-in-throttle.js';
import type { MetricsAccessOptions } from './observability/metrics-access.js';
import { ServerMetrics } from './observability/metrics.js';
import { operationsRoutes } from './observability/operations-routes.js';
import type { SubscriptionAdapter } from './pubsub/adapter.js';
import { MemoryAdapter } from './pubsub/memory-adapter.js';

export interface StartOptions {
  port: number;
  host: string;
  /** PGlite data directory; undefined keeps the database in memory (tests). */
  dataDir: string | undefined;
  /** A real PostgreSQL instead of PGlite (shared by several processes). */
  databaseUrl?: string | undefined;
  logger: Logger;
  origins: OriginPolicy;
  clientDir: string;
  adapter?: SubscriptionAdapter;
  /** Cable limits; tests shorten intervals here. */
  cable?: Partial<CableLimits>;
  /** Identifies cable connections; defaults to anonymous (there is no sign-in yet). */
  identify?: IdentifyHook;
  /** Most assignees an issue may have (default 100). */
  maxAssignees?: number;
  /** false: one execution per subscriber per event (GitLab's design), for benchmarks. */
  grouping?: boolean;
  /** all (default): web + cable; web: HTTP only (no cable); cable: only the cable and health. */
  role?: Role;
  /** Window over which shutdown spreads the cable's `server_restart` disconnects (default 0). */
  drainMs?: number;
  /** How long shutdown waits for in-flight HTTP requests before closing them (default 10 s). */
  httpGraceMs?: number;
  /** Channels besides GraphqlChannel (tests register probes here). */
  channels?: Readonly<Record<string, ChannelFactory>>;
  /**
   * `/-/metrics`: default enabled for loopback clients only; a token also admits others
   * (METRICS_ENABLED, METRICS_TOKEN).
   */
  metrics?: MetricsAccessOptions;
}

/** The identity cable connections carry in this app: who, and with which credentials. */
export interface AppIdentity extends ConnectionIdentity {
  readonly principal: Principal;
}

export interface RunningServer {
  url: string;
  port: number;
  http: Server;
  cable: CableServer;
  subscriptions: ActionCableSubscriptions;
  services: ContextServices;
  database: Database;
  metrics: ServerMetrics;
  /** Feature flags (`real_time_issue_sidebar`, `broadcast_issue_updates`), shared by every process. */
  features: FeatureFlags;
  close(): Promise<void>;
}

/**
 * Identifies a cable connection from its upgrade request exactly as HTTP does: a bearer token
 * (scripts), else the session cookie (browsers), else anonymous. A bad bearer token is refused
 * (`disconnect{unauthorized, reconnect:false}`).
 */
function identifyFromRequest(identity: IdentityRepository): IdentifyHook {
  return async (request) => {
    const auth = await authenticate(request.headers, identity);
    if (auth.kind === 'rejected') throw new UnauthorizedError(auth.reason);
    const principal = principalOf(auth);
    return { userId: principal.account?.id ?? null, principal } satisfies AppIdentity;
  };
}

/**
 * The composition root: database, pub/sub, GraphQL engine, triggers, the update service, the
 * HTTP app and the cable, wired once and listening.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  const database = await openDatabase({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
  });
  const { identity } = database;
  // Subscribers of one issue share its first-payload read (see single-flight-reads.ts).
  const repository = withSingleFlightIssueReads(database.repository);
  const adapter = options.adapter ?? new MemoryAdapter();
  const schema = buildSchema();
  const metrics = new ServerMetrics();
  const subscriptions = new ActionCableSubscriptions(schema, adapter, logger, {
    authorize: issueEventAuthorizer(identity),
    grouping: options.grouping ?? true,
    visibilityKey: viewerVisibilityKey,
    onEventDelivered: metrics.observeEventDelivery,
  });
  const features = await FeatureFlags.start({ db: database.db, pubsub: adapter, logger });
  const triggers = new GraphqlTriggers(subscriptions, {
    broadcastEnabled: () => features.isEnabled('broadcast_issue_updates'),
    logger,
  });
  const issues = new IssueUpdateService(
    repository,
    identity,
    triggers,
    logger,
    options.maxAssignees,
  );
  const userStatuses = new UserStatusService(
    new DrizzleUserStatusRepository(database.db),
    triggers,
    logger,
  );
  const services: ContextServices = { repository, identity, issues, userStatuses };

  // The cable is built below; the app only calls these after start.
  const disconnectUser = (userId: number) => cable.disconnect({ userId });
  let closing = false;
  const operations = operationsRoutes({
    database,
    pubsub: adapter,
    isShuttingDown: () => closing || cable.isShuttingDown,
    logger,
    metrics,
    metricsAccess: options.metrics ?? { enabled: true },
  });
  const role = options.role ?? 'all';
  const app = createApp({
    operationsRoutes: operations,
    schema,
    services,
    logger,
    throttle: new SignInThrottle(),
    disconnectUser,
    clientDir: options.clientDir,
    features,
  });
  const http = createServer(role === 'cable' ? cableOnlyApp(operations) : app);
  const cable: CableServer = new CableServer({
    channels: {
      ...options.channels,
      GraphqlChannel: (connection, identifier, params) =>
        new GraphqlChannel(connection, identifier, params, {
          subscriptions,
          contextFor: (c) =>
            createGraphQLContext(
              services,
              (c.identity as Partial<AppIdentity>).principal ?? ANONYMOUS,
            ),
        }),
    },
    identify: options.identify ?? identifyFromRequest(identity),
    origins: options.origins,
    logger,
    pubsub: adapter,
    limits: options.cable,
  });
  // A web process builds the cable without attaching it: its remote disconnects still reach
  // the cable processes through the pub/sub, but it accepts no upgrades itself.
  if (role !== 'web') await cable.attach(http);
  metrics.track({ cable, engine: subscriptions, pubsub: adapter });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${host}:${port}`,
    port,
    http,
    cable,
    subscriptions,
    services,
    database,
    metrics,
    features,
    async close() {
      // Stop accepting first (clients reconnect elsewhere), then drain the cable, then give
      // in-flight requests their grace period, then close what they needed.
      closing = true;
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      await cable.shutdown({ drainMs: options.drainMs ?? 0 });
      http.closeIdleConnections();
      const grace = setTimeout(() => http.closeAllConnections(), options.httpGraceMs ?? 10_000);
      await httpClosed;
      clearTimeout(grace);
      await features.close();
      await adapter.shutdown();
      await database.close();
    },
  };
}

/**
 * The app of a `ROLE=cable` process: the cable answers upgrades, health and metrics answer
 * probes and scrapers, and every other plain request is a 404.
 */
function cableOnlyApp(operations: express.Router): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(operations);
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Page not found');
  });
  return app;
}
