import type { UserAvailabilityFragment, UserFragment } from '@shared/graphql/generated/operations';

/**
 * A user as every sidebar document selects it: GitLab's `User` fragment and its
 * `UserAvailability` (the "Busy" marker), so a user from the picker or the current user can
 * stand in for an assignee in an optimistic response.
 */
export type SidebarUser = UserFragment & UserAvailabilityFragment;
