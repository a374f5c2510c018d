import type { IdentityRepository } from '../domain/identity.js';
import type { IssueCreateService } from '../domain/issue-create-service.js';
import type { IssueUpdateService } from '../domain/issue-update-service.js';
import type { IssueRepository } from '../domain/repository.js';
import type { IssueRecord, IssueViewersRecord } from '../domain/types.js';
import type { UserStatusService } from '../domain/user-status-service.js';
import type { Viewer } from '../permissions/ability.js';
import type { Caller, Principal } from '../permissions/principal.js';

/**
 * The one GraphQL context, built the same way for HTTP requests and cable connections
 * (GitLab keeps GraphqlChannel's context in step with GraphqlController's by hand).
 */
// A type alias (not an interface) so it satisfies graphql-http's Record-shaped context type.
// The caller (`currentUser`, `canWrite`) is what the permission checks read of it.
export type GraphQLContext = Caller & {
  readonly repository: IssueRepository;
  readonly identity: IdentityRepository;
  readonly issues: IssueUpdateService;
  /** The one create path (GraphQL's `createIssue`, REST's `POST …/issues`). */
  readonly issueCreator: IssueCreateService;
  /** Statuses of users loaded without one (issue records carry theirs). */
  readonly userStatuses: UserStatusService;
  readonly presence: ViewersReader;
  /** The caller as a viewer of a project, read once per project per request. */
  readonly viewerIn: (projectId: number) => Promise<Viewer>;
};

/** Who is viewing an issue now (`Issue.viewers`); null while the `issue_presence` flag is off. */
export interface ViewersReader {
  viewersOf(issue: IssueRecord): Promise<IssueViewersRecord | null>;
}

export interface ContextServices {
  repository: IssueRepository;
  identity: IdentityRepository;
  issues: IssueUpdateService;
  issueCreator: IssueCreateService;
  userStatuses: UserStatusService;
  presence: ViewersReader;
}

/** Anonymous contexts hold no per-viewer state, so one per services serves every request and channel. */
const anonymousContexts = new WeakMap<ContextServices, GraphQLContext>();

export function createGraphQLContext(
  services: ContextServices,
  principal: Principal,
): GraphQLContext {
  if (!principal.account && !principal.readOnly) {
    let shared = anonymousContexts.get(services);
    if (!shared) {
      shared = Object.freeze({
        repository: services.repository,
        identity: services.identity,
        issues: services.issues,
        issueCreator: services.issueCreator,
        userStatuses: services.userStatuses,
        presence: services.presence,
        currentUser: null,
        canWrite: true,
        viewerIn: () => Promise.resolve(null),
      });
      anonymousContexts.set(services, shared);
    }
    return shared;
  }
  const viewers = new Map<number, Promise<Viewer>>();
  const account = principal.account;
  return {
    repository: services.repository,
    identity: services.identity,
    issues: services.issues,
    issueCreator: services.issueCreator,
    userStatuses: services.userStatuses,
    presence: services.presence,
    currentUser: account,
    canWrite: !principal.readOnly,
    viewerIn(projectId) {
      if (!account) return Promise.resolve(null);
      let viewer = viewers.get(projectId);
      if (!viewer) {
        viewer = services.identity
          .projectViewers(projectId, [account.id])
          .then((found) => found.get(account.id) ?? null);
        viewers.set(projectId, viewer);
      }
      return viewer;
    },
  };
}
