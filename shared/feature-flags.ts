/**
 * The feature flags this app knows, with GitLab's names. Every flag defaults to on: a flag nobody has
 * set is enabled. Shared so the admin page and the server agree on names and descriptions.
 */
export const FEATURE_FLAGS = {
  real_time_issue_sidebar:
    'Issue pages open the cable and subscribe to live updates; off, they poll every 10 s instead.',
  broadcast_issue_updates:
    'The server pushes issue changes to subscribers; off, changes are saved but not broadcast.',
  issue_presence:
    'Issue pages show who else is viewing them, live; off, viewers are neither counted nor shown.',
} as const;

export type FeatureFlagName = keyof typeof FEATURE_FLAGS;

export const FEATURE_FLAG_NAMES = Object.keys(FEATURE_FLAGS) as FeatureFlagName[];

export function isFeatureFlagName(name: string): name is FeatureFlagName {
  return Object.hasOwn(FEATURE_FLAGS, name);
}
