import { describe, expect, it } from 'vitest';

import {
  IssueDocument,
  IssueUpdatedDocument,
  type IssueQuery,
  type IssueUpdatedSubscription,
} from '@shared/graphql/generated/operations';

import { createCache } from '../apollo/client';
import { FULL_PATH, IID, ISSUE_ID, issueResult, issueUpdatedResult } from '../test-utils/fixtures';
import { isOlderVersion } from './issue-version';
import { mergeIssueUpdate } from './useIssue';

const variables = { fullPath: FULL_PATH, iid: IID };
const AT = {
  shown: '2025-01-01T00:05:00.000Z',
  older: '2025-01-01T00:04:59.999Z',
  newer: '2025-01-01T00:05:00.001Z',
};

describe('isOlderVersion', () => {
  it('is true only when both versions are known and the incoming one is older', () => {
    expect(isOlderVersion(AT.shown, AT.older)).toBe(true);
    expect(isOlderVersion(AT.shown, AT.shown)).toBe(false); // e.g. an assignee's status changed
    expect(isOlderVersion(AT.shown, AT.newer)).toBe(false);
    // Compared as times, not strings: the server's spelling may differ from a fixture's.
    expect(isOlderVersion('2025-01-01T00:05:00Z', '2025-01-01T00:04:59.999Z')).toBe(true);
    expect(isOlderVersion('2025-01-01T05:30:00+05:30', '2025-01-01T00:00:00.001Z')).toBe(false);
    for (const unknown of [undefined, null, '', 'yesterday', 42]) {
      expect(isOlderVersion(unknown, AT.older)).toBe(false);
      expect(isOlderVersion(AT.shown, unknown)).toBe(false);
    }
  });
});

describe('the cache keeps the newest issue', () => {
  /** A cache holding the issue query at `AT.shown` with alice assigned. */
  function cacheShowing() {
    const cache = createCache();
    cache.writeQuery({
      query: IssueDocument,
      variables,
      data: issueResult(['alice'], { updatedAt: AT.shown }).data,
    });
    const shown = () => {
      const issue = cache.readQuery({ query: IssueDocument, variables })?.project?.issue;
      return {
        updatedAt: issue?.updatedAt,
        assignees: issue?.assignees.nodes.map((u) => u.username),
      };
    };
    const push = (assignees: string[], updatedAt: string) =>
      cache.writeQuery({
        query: IssueUpdatedDocument,
        variables: { issueId: ISSUE_ID },
        data: issueUpdatedResult(assignees, { updatedAt }).data,
      });
    return { shown, push };
  }

  it('ignores a pushed state older than the one it holds', () => {
    const { shown, push } = cacheShowing();
    push(['bob'], AT.older);
    expect(shown()).toEqual({ updatedAt: AT.shown, assignees: ['alice'] });
  });

  it('applies a pushed state as new as or newer than the one it holds', () => {
    const { shown, push } = cacheShowing();
    push(['bob'], AT.shown);
    expect(shown()).toEqual({ updatedAt: AT.shown, assignees: ['bob'] });
    push(['carol'], AT.newer);
    expect(shown()).toEqual({ updatedAt: AT.newer, assignees: ['carol'] });
    push(['dave'], AT.older);
    expect(shown()).toEqual({ updatedAt: AT.newer, assignees: ['carol'] });
  });
});

describe('mergeIssueUpdate', () => {
  const previous = issueResult(['alice'], { updatedAt: AT.shown }).data;
  const merge = (pushed: IssueUpdatedSubscription) =>
    mergeIssueUpdate(previous, {
      subscriptionData: { data: pushed },
      variables,
      complete: true,
      previousData: previous,
    });

  it('ignores a push older than the issue shown', () => {
    expect(merge(issueUpdatedResult(['bob'], { updatedAt: AT.older }).data)).toBeUndefined();
  });

  it('merges a push as new as or newer than the issue shown', () => {
    for (const updatedAt of [AT.shown, AT.newer]) {
      const merged = merge(issueUpdatedResult(['bob'], { updatedAt }).data) as IssueQuery;
      expect(merged.project?.issue).toMatchObject({
        updatedAt,
        assignees: { nodes: [{ username: 'bob' }] },
        iid: IID, // fields the push does not select are kept
      });
    }
  });
});
