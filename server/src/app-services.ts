import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';

import { credentialRevocations } from './credential-revocations.js';
import type { Database } from './db/open-database.js';
import { DrizzleUserStatusRepository } from './db/drizzle-user-status-repository.js';
import { IssueCreateService } from './domain/issue-create-service.js';
import { IssueUpdateService } from './domain/issue-update-service.js';
import { withSingleFlightIssueReads } from './domain/single-flight-reads.js';
import { UserStatusService } from './domain/user-status-service.js';
import { FeatureFlags } from './features/feature-flags.js';
import type { CheckedDocuments } from './graphql/checked-documents.js';
import type { ContextServices } from './graphql/context.js';
import { GraphqlTriggers } from './graphql/graphql-triggers.js';
import { CachedCredentials } from './identity/cached-credentials.js';
import { issueTopicState } from './graphql/issue-topic-state.js';
import { ActionCableSubscriptions } from './graphql/subscriptions/action-cable-subscriptions.js';
import type { ServerMetrics } from './observability/metrics.js';
import { issueEventAuthorizer } from './permissions/issue-event-authorizer.js';
import { viewerVisibilityKey } from './permissions/visibility-key.js';
import {
  DEFAULT_PRESENCE_TIMING,
  IssuePresence,
  type PresenceTiming,
} from './presence/issue-presence.js';
import { MemoryPresenceStore } from './presence/memory-presence-store.js';
import type { PresenceStore } from './presence/presence-store.js';
import { RedisPresenceStore } from './presence/redis-presence-store.js';
import type { PubSub } from './pubsub/pubsub.js';

export interface AppServicesOptions {
  database: Database;
  pubsub: PubSub;
  schema: GraphQLSchema;
  documents: CheckedDocuments;
  logger: Logger;
  metrics: ServerMetrics;
  /** false: one execution per subscriber per event (GitLab's design), for benchmarks. */
  grouping?: boolean | undefined;
  /** Most assignees an issue may have (default 100). */
  maxAssignees?: number | undefined;
  /** Presence in Redis (shared by every process); default: counted in this process. */
  presenceRedis?: { url: string; keyPrefix: string } | undefined;
  /** Presence intervals; tests shorten them. */
  presenceTiming?: Partial<PresenceTiming> | undefined;
}

/** What the transports (HTTP, the cable) are built on, and its orderly stop. */
export interface AppServices {
  subscriptions: ActionCableSubscriptions;
  features: FeatureFlags;
  presence: IssuePresence;
  services: ContextServices;
  /** Call once the transports are closed: presence's last leaves go out first. */
  close(): Promise<void>;
}

/**
 * The application below its transports: the subscription engine (with its resync after pub/sub
 * gaps), feature flags, the triggers facade, the one write path and its siblings, and presence.
 */
export async function startAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { database, pubsub, logger } = options;
  // A page's requests and a connect storm with one cookie or token cost one credential read.
  const revocations = await credentialRevocations(pubsub, logger);
  const credentials = new CachedCredentials(database.identity, revocations);
  const { identity } = credentials;
  // Subscribers of one issue share its first-payload read (see single-flight-reads.ts).
  const repository = withSingleFlightIssueReads(database.repository);
  // Presence needs the triggers, which need the engine: the engine reaches it once built.
  const late: { presence?: IssuePresence; features?: FeatureFlags } = {};
  const subscriptions = new ActionCableSubscriptions(options.schema, pubsub, logger, {
    documents: options.documents,
    authorize: issueEventAuthorizer(identity),
    grouping: options.grouping ?? true,
    visibilityKey: viewerVisibilityKey,
    onEventDelivered: options.metrics.observeEventDelivery,
    state: issueTopicState(
      repository,
      { current: (issueId) => late.presence?.current(issueId) ?? Promise.resolve(null) },
      () => late.features?.isEnabled('broadcast_issue_updates') === true,
    ),
    observer: {
      started: (topic, member) => late.presence?.tracker.started(topic, member),
      ended: (topic, member) => late.presence?.tracker.ended(topic, member),
    },
  });
  await subscriptions.start();
  // A pub/sub that lost its server and is back may have missed events: viewers resync, and
  // cached credentials go (a revocation may have been among them).
  const stopGapWatch = pubsub.onGap(() => {
    credentials.clear();
    subscriptions.resyncAfterGap();
  });
  const features = await FeatureFlags.start({ db: database.db, pubsub, logger });
  late.features = features;
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
  const issueCreator = new IssueCreateService(
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
  const presenceTiming = { ...DEFAULT_PRESENCE_TIMING, ...options.presenceTiming };
  const presenceStore = presenceStoreFor(options, presenceTiming);
  const presence = new IssuePresence({
    store: presenceStore,
    repository,
    identity,
    publish: (event) => triggers.issuableViewersUpdated(event),
    enabled: () => features.isEnabled('issue_presence'),
    logger,
    timing: presenceTiming,
  });
  late.presence = presence;
  const stopFlagWatch = features.onChange(() => void presence.flagChanged());

  return {
    subscriptions,
    features,
    presence,
    services: { repository, identity, issues, issueCreator, userStatuses, presence },
    async close() {
      stopFlagWatch();
      await presence.close(); // the closed connections' leaves go out first
      await presenceStore.close();
      await features.close();
      stopGapWatch();
      credentials.close();
      revocations.close();
      await subscriptions.close();
    },
  };
}

/** Redis with expiring entries when processes share one; else this process's memory. */
function presenceStoreFor(options: AppServicesOptions, timing: PresenceTiming): PresenceStore {
  if (!options.presenceRedis) return new MemoryPresenceStore(timing.pushIntervalMs);
  return new RedisPresenceStore({
    ...options.presenceRedis,
    ttlMs: timing.renewMs * 3,
    pushIntervalMs: timing.pushIntervalMs,
  });
}
