import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import type { Logger } from 'pino';

import { GRAPHQL_CHANNEL } from '@shared/graphql/channel.js';

import { startAppServices } from './app-services.js';
import { identifyFromRequest, type AppIdentity } from './cable-identity.js';
import type { Role } from './config.js';
import type { ChannelFactory } from './cable/channel.js';
import { GraphqlChannel } from './cable/channels/graphql-channel.js';
import type { IdentifyHook } from './cable/connection.js';
import type { OriginPolicy } from './cable/origin.js';
import { CableServer, type CableLimits } from './cable/server.js';
import { DrizzlePageLookup } from './db/drizzle-page-lookup.js';
import { DrizzleUserDirectory } from './db/drizzle-user-directory.js';
import { openDatabase, type Database } from './db/open-database.js';
import type { FeatureFlags } from './features/feature-flags.js';
import { CheckedDocuments } from './graphql/checked-documents.js';
import { createGraphQLContext, type ContextServices } from './graphql/context.js';
import type { DocumentLimits } from './graphql/document-limits.js';
import { buildSchema } from './graphql/schema.js';
import type { ActionCableSubscriptions } from './graphql/subscriptions/action-cable-subscriptions.js';
import { createApp } from './http/app.js';
import { builtClient, type ClientAssets } from './http/client-assets.js';
import { SignInThrottle } from './identity/sign-in-throttle.js';
import type { MetricsAccessOptions } from './observability/metrics-access.js';
import { ServerMetrics } from './observability/metrics.js';
import { probeRoutes } from './observability/probe-routes.js';
import { ANONYMOUS } from './permissions/principal.js';
import type { PubSub } from './pubsub/pubsub.js';
import { MemoryAdapter } from './pubsub/memory-adapter.js';
import type { IssuePresence, PresenceTiming } from './presence/issue-presence.js';

export interface StartOptions {
  port: number;
  host: string;
  /** PGlite data directory; undefined keeps the database in memory (tests). */
  dataDir: string | undefined;
  /** A real PostgreSQL instead of PGlite (shared by several processes). */
  databaseUrl?: string | undefined;
  /**
   * The embedded database's process died: it is logged, readiness answers 503 and queries
   * fail from then on; `npm start` stops with exit code 1 here (run.ts).
   */
  onDatabaseLost?: (reason: string) => void;
  logger: Logger;
  origins: OriginPolicy;
  clientDir: string;
  /** Serves the client another way than from `clientDir` (`npm run dev`: Vite, with HMR on `http`). */
  clientAssets?: (http: Server) => Promise<ClientAssets>;
  adapter?: PubSub;
  /** Cost limits of GraphQL documents, on HTTP and the cable (defaults: DEFAULT_DOCUMENT_LIMITS). */
  graphqlLimits?: Partial<DocumentLimits>;
  /** Sign-in throttling; default: counted in this process. Closed with the server. */
  signInThrottle?: SignInThrottle;
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
  /** Presence in Redis (shared by every process); default: counted in this process. */
  presenceRedis?: { url: string; keyPrefix: string };
  /** Presence intervals; tests shorten them. */
  presenceTiming?: Partial<PresenceTiming>;
}

export type { AppIdentity } from './cable-identity.js';

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
  presence: IssuePresence;
  close(): Promise<void>;
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
    onLost(reason) {
      logger.fatal({ reason }, 'the embedded database process is gone');
      options.onDatabaseLost?.(reason);
    },
  });
  const adapter = options.adapter ?? new MemoryAdapter();
  const schema = buildSchema();
  const metrics = new ServerMetrics();
  const documents = new CheckedDocuments(schema, options.graphqlLimits);
  const core = await startAppServices({
    ...options,
    database,
    pubsub: adapter,
    schema,
    documents,
    metrics,
  });
  const { subscriptions, services, features } = core;

  // The cable is built below; the app only calls these after start.
  const disconnectUser = (userId: number) => cable.disconnect({ userId });
  let closing = false;
  const probes = probeRoutes({
    database,
    pubsub: adapter,
    isShuttingDown: () => closing || cable.isShuttingDown,
    logger,
    metrics,
    metricsAccess: options.metrics ?? { enabled: true },
  });
  const role = options.role ?? 'all';
  const throttle = options.signInThrottle ?? SignInThrottle.inProcess();
  const http = createServer();
  const client = options.clientAssets
    ? await options.clientAssets(http)
    : builtClient(options.clientDir);
  const app = createApp({
    probeRoutes: probes,
    schema,
    documents,
    services,
    users: new DrizzleUserDirectory(database.db),
    logger,
    throttle,
    disconnectUser,
    client,
    features,
    pages: new DrizzlePageLookup(database.db),
  });
  http.on('request', role === 'cable' ? cableOnlyApp(probes) : app);
  const cable: CableServer = new CableServer({
    channels: {
      ...options.channels,
      [GRAPHQL_CHANNEL]: (connection, identifier, params) =>
        new GraphqlChannel(connection, identifier, params, {
          subscriptions,
          contextFor: (c) =>
            createGraphQLContext(
              services,
              (c.identity as Partial<AppIdentity>).principal ?? ANONYMOUS,
            ),
        }),
    },
    // The cached credentials: a storm of connections with one cookie costs one read.
    identify: options.identify ?? identifyFromRequest(services.identity),
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

  let closed: Promise<void> | undefined;
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
    presence: core.presence,
    close() {
      closed ??= closeOnce();
      return closed;
    },
  };

  async function closeOnce(): Promise<void> {
    // Readiness fails first (load balancers move on) and the cable drains while the port
    // still answers, so a client that arrives meanwhile gets a clear 503 (not a refused
    // connection); then the port closes, in-flight requests get their grace period, and
    // what they needed closes last.
    closing = true;
    await cable.shutdown({ drainMs: options.drainMs ?? 0 });
    const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    const grace = setTimeout(() => http.closeAllConnections(), options.httpGraceMs ?? 10_000);
    await httpClosed;
    clearTimeout(grace);
    await client.close();
    await throttle.close();
    await core.close();
    await adapter.shutdown();
    await database.close();
  }
}

/**
 * The app of a `ROLE=cable` process: the cable answers upgrades, health and metrics answer
 * probes and scrapers, and every other plain request is a 404.
 */
function cableOnlyApp(probes: express.RequestHandler): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(probes);
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Page not found');
  });
  return app;
}
