import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import type { IssueRecord, UserStatusRecord } from './types.js';
import { UserStatusService, type UserStatusRepository } from './user-status-service.js';

/** An in-memory repository: the user is assigned to `assigned` issues (ids 1..n). */
function setup(assigned: number, bound: number) {
  let stored: UserStatusRecord | null = null;
  const repository: UserStatusRepository = {
    find: () => Promise.resolve(stored),
    save: (_userId, status) => Promise.resolve((stored = status)),
    issuesAssignedTo: (_userId, limit) =>
      Promise.resolve({
        issues: Array.from({ length: Math.min(assigned, limit) }, (_, i) => issue(i + 1)),
        total: assigned,
      }),
  };
  const pushed: number[] = [];
  const assigneesPushed: number[] = [];
  const service = new UserStatusService(
    repository,
    {
      issueUpdated: (record) => Promise.resolve(void pushed.push(record.id)),
      issuableAssigneesUpdated: (record) => Promise.resolve(void assigneesPushed.push(record.id)),
    },
    pino({ level: 'silent' }),
    bound,
  );
  return { service, pushed, assigneesPushed };
}

const issue = (id: number) => ({ id }) as IssueRecord;

describe('UserStatusService', () => {
  it('pushes every assigned issue on both events when there are no more than the bound', async () => {
    const { service, pushed, assigneesPushed } = setup(3, 5);
    await service.set(1, { availability: 'busy' });
    expect(pushed).toEqual([1, 2, 3]);
    // GitLab's sidebar listens to issuableAssigneesUpdated, not issueUpdated.
    expect(assigneesPushed).toEqual([1, 2, 3]);
  });

  it('pushes at most the bound of issues for one change, on either event', async () => {
    const { service, pushed, assigneesPushed } = setup(500, 50);
    await service.set(1, { availability: 'busy' });
    expect(pushed).toHaveLength(50);
    expect(assigneesPushed).toEqual(pushed);
  });

  it('pushes nothing and writes nothing for invalid input', async () => {
    const { service, pushed, assigneesPushed } = setup(3, 5);
    const result = await service.set(1, { availability: 'away', emoji: 'nope_nope' });
    expect(result).toEqual({
      kind: 'invalid',
      errors: { availability: ['must be one of not_set, busy'], emoji: ['does not exist'] },
    });
    expect(pushed).toEqual([]);
    expect(assigneesPushed).toEqual([]);
    expect(await service.find(1)).toBeNull();
  });

  it('keeps the availability when only the message changes, and clears on all blank', async () => {
    const { service } = setup(0, 5);
    await service.set(1, { availability: 'busy' });
    expect(await service.set(1, { message: 'lunch', availability: '' })).toEqual({
      kind: 'saved',
      status: { availability: 'busy', message: 'lunch', emoji: 'speech_balloon' },
    });
    expect(await service.set(1, { message: ' ' })).toEqual({ kind: 'saved', status: null });
  });
});
