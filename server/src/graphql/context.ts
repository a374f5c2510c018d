import type { IssueRepository } from '../domain/repository.js';
import type { IssueUpdateService } from '../domain/issue-update-service.js';
import type { UserRecord } from '../domain/types.js';

/**
 * The one GraphQL context, built the same way for HTTP requests and cable connections
 * (GitLab keeps GraphqlChannel's context in step with GraphqlController's by hand).
 */
// A type alias (not an interface) so it satisfies graphql-http's Record-shaped context type.
export type GraphQLContext = {
  readonly repository: IssueRepository;
  readonly issues: IssueUpdateService;
  /** Null for anonymous visitors (there is no sign-in yet). */
  readonly currentUser: UserRecord | null;
};

export interface ContextServices {
  repository: IssueRepository;
  issues: IssueUpdateService;
}

export function createGraphQLContext(
  services: ContextServices,
  currentUser: UserRecord | null,
): GraphQLContext {
  return { repository: services.repository, issues: services.issues, currentUser };
}
