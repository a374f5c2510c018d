/**
 * Document titles as GitLab writes them, most specific first, joined by ` · ` and ending in
 * `GitLab`. The server puts them in the page's HTML; the client keeps them current.
 */

const SUFFIX = 'GitLab';

function join(...parts: string[]): string {
  return [...parts, SUFFIX].join(' · ');
}

export const pageTitles = {
  issue: (title: string, iid: string | number, projectName: string) =>
    join(`${title} (#${iid})`, 'Issues', projectName),
  issues: (projectName: string) => join('Issues', projectName),
  newIssue: (projectName: string) => join('New Issue', projectName),
  user: (name: string, username: string) => join(`${name} (${username})`),
  signIn: () => join('Sign in'),
  notFound: () => join('Not Found'),
  personalAccessTokens: () => join('Personal access tokens', 'User Settings'),
  featureFlags: () => join('Feature flags', 'Admin Area'),
  home: () => SUFFIX,
};
