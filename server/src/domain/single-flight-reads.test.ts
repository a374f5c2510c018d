import { describe, expect, it } from 'vitest';

import { deferred } from '../../test/deferred.js';

import type { IssueRepository } from './repository.js';
import { withSingleFlightIssueReads } from './single-flight-reads.js';
import type { IssueRecord } from './types.js';

/** An IssueRepository double whose findIssueById is held until the test releases it. */
function heldRepository() {
  const calls: number[] = [];
  let gate = deferred();
  const repository = {
    findIssueById: async (id: number) => {
      calls.push(id);
      await gate.promise;
      return { id } as IssueRecord;
    },
    findProjectByFullPath: () => Promise.resolve(null),
  } as unknown as IssueRepository;
  return { repository, calls, release: () => gate.resolve(), reset: () => (gate = deferred()) };
}

describe('withSingleFlightIssueReads', () => {
  it('shares one query among concurrent reads of the same issue', async () => {
    const held = heldRepository();
    const reads = withSingleFlightIssueReads(held.repository);
    const all = [reads.findIssueById(7), reads.findIssueById(7), reads.findIssueById(8)];
    held.release();
    expect((await Promise.all(all)).map((issue) => issue?.id)).toEqual([7, 7, 8]);
    expect(held.calls).toEqual([7, 8]);
  });

  it('keeps nothing once a read settles: the next read queries again', async () => {
    const held = heldRepository();
    const reads = withSingleFlightIssueReads(held.repository);
    held.release();
    await reads.findIssueById(7);
    await reads.findIssueById(7);
    expect(held.calls).toEqual([7, 7]);
  });

  it('passes every other method through', async () => {
    const reads = withSingleFlightIssueReads(heldRepository().repository);
    expect(await reads.findProjectByFullPath('x')).toBeNull();
  });
});
