import { expect } from 'vitest';

import type { CableClient, Frame } from './cable-client.js';
import { graphqlAs, type SignedIn } from './sign-in.js';

/**
 * Issue #2's state as viewers see it (the `issueUpdated` pushes) and as the database holds it,
 * for tests of convergence and ordering across processes.
 */
export interface IssueState {
  /** The version: ISO 8601 with milliseconds; every write moves it forward. */
  updatedAt: string;
  assignees: string[];
}

interface Pushed {
  updatedAt: string;
  assignees: { nodes: { username: string }[] };
}

/** The issue state a result frame carries, or undefined for any other frame. */
export function stateOf(frame: Frame): IssueState | undefined {
  const message = frame.message as { result?: { data?: { issueUpdated?: Pushed } } } | undefined;
  const issue = message?.result?.data?.issueUpdated;
  if (!issue) return undefined;
  return { updatedAt: issue.updatedAt, assignees: issue.assignees.nodes.map((n) => n.username) };
}

/** Every state a viewer was sent, first payload included, in arrival order. */
export function statesOf(client: CableClient): IssueState[] {
  return client.frames.map(stateOf).filter((state) => state !== undefined);
}

/** What the viewer shows: the last state it was sent. */
export function lastStateOf(client: CableClient): IssueState | undefined {
  return statesOf(client).at(-1);
}

/** Issue #2 as the database holds it, read through `url`'s GraphQL API. */
export async function databaseState(url: string): Promise<IssueState> {
  const { body } = await graphqlAs(
    { url },
    null,
    '{ project(fullPath: "gitlab-org/gitlab-test") { issue(iid: "2") { updatedAt assignees { nodes { username } } } } }',
  );
  const issue = (body.data as { project: { issue: Pushed } }).project.issue;
  return { updatedAt: issue.updatedAt, assignees: issue.assignees.nodes.map((n) => n.username) };
}

/**
 * Sets issue #2's assignees through `url` with an existing session; resolves with the
 * milliseconds the request took, after checking that it committed without errors.
 */
export async function timedSetAssignees(
  url: string,
  session: SignedIn,
  usernames: string[],
): Promise<number> {
  const started = performance.now();
  const { body } = await graphqlAs(
    { url },
    session,
    `mutation { issueSetAssignees(input: { projectPath: "gitlab-org/gitlab-test", iid: "2", assigneeUsernames: ${JSON.stringify(usernames)} }) { errors } }`,
  );
  const elapsed = performance.now() - started;
  expect(body).toEqual({ data: { issueSetAssignees: { errors: [] } } });
  return elapsed;
}

/** Whether versions never go back (an ISO 8601 UTC string orders like its time). */
export function nonDecreasing(states: readonly IssueState[]): boolean {
  return states.every((state, i) => i === 0 || state.updatedAt >= (states[i - 1]?.updatedAt ?? ''));
}
