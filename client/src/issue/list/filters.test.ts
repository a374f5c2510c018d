import { describe, expect, it } from 'vitest';

import {
  filtersFromQuery,
  listVariables,
  matchesFilters,
  queryFromFilters,
  type IssueListFilters,
} from './filters';
import { item } from './list-fixtures';

const none: IssueListFilters = { state: 'opened', labels: [], assignee: null, milestone: null };

describe('issue list filters in the URL', () => {
  it("reads GitLab's parameters, with or without [] on lists", () => {
    expect(
      filtersFromQuery({
        state: 'closed',
        'label_name[]': ['bug', 'frontend', 'bug'],
        assignee_username: 'alice',
        milestone_title: 'v1.1',
      }),
    ).toEqual({
      state: 'closed',
      labels: ['bug', 'frontend'],
      assignee: 'alice',
      milestone: 'v1.1',
    });
    expect(filtersFromQuery({ label_name: 'bug', 'assignee_username[]': ['bob'] })).toMatchObject({
      labels: ['bug'],
      assignee: 'bob',
    });
  });

  it('falls back to the defaults for what it does not know', () => {
    expect(filtersFromQuery({})).toEqual(none);
    expect(filtersFromQuery({ state: 'locked', assignee_username: [null, ''] })).toEqual(none);
    expect(
      filtersFromQuery({ 'label_name[]': Array.from({ length: 60 }, (_, i) => `l${i}`) }).labels,
    ).toHaveLength(20);
  });

  it('writes the URL back as it reads it (the default state left out)', () => {
    const filters: IssueListFilters = {
      state: 'all',
      labels: ['bug', 'priority::high'],
      assignee: 'alice',
      milestone: 'v1.1',
    };
    expect(queryFromFilters(filters)).toEqual({
      state: 'all',
      'label_name[]': ['bug', 'priority::high'],
      assignee_username: 'alice',
      milestone_title: 'v1.1',
    });
    expect(queryFromFilters(none)).toEqual({});
    const roundTrip = filtersFromQuery(
      queryFromFilters(filters) as Parameters<typeof filtersFromQuery>[0],
    );
    expect(roundTrip).toEqual(filters);
  });

  it("asks the server with GitLab's argument names", () => {
    expect(listVariables('g/p', { ...none, labels: ['bug'], milestone: 'v1' })).toEqual({
      fullPath: 'g/p',
      state: 'opened',
      labelName: ['bug'],
      milestoneTitle: ['v1'],
      assigneeUsername: null,
      first: 20,
    });
  });
});

describe('matchesFilters', () => {
  const issue = item(3, {
    labels: ['bug', 'frontend'],
    assignees: ['alice', 'bob'],
    milestone: 'v1.1',
  });

  it.each([
    [{}, true],
    [{ state: 'closed' }, false],
    [{ state: 'all' }, true],
    [{ labels: ['bug'] }, true],
    [{ labels: ['bug', 'frontend'] }, true],
    [{ labels: ['bug', 'feature'] }, false],
    [{ assignee: 'bob' }, true],
    [{ assignee: 'carol' }, false],
    [{ milestone: 'v1.1' }, true],
    [{ milestone: 'v2.0' }, false],
  ] as [Partial<IssueListFilters>, boolean][])('%j → %s', (filter, expected) => {
    expect(matchesFilters(issue, { ...none, ...filter })).toBe(expected);
  });

  it('a closed issue leaves the open list and joins the closed one', () => {
    const closed = item(3, { state: 'closed' });
    expect(matchesFilters(closed, none)).toBe(false);
    expect(matchesFilters(closed, { ...none, state: 'closed' })).toBe(true);
  });
});
