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
    findIssue: async (projectId: number, iid: number) => {
      calls.push(projectId * 1000 + iid);
      await gate.promise;
      return { id: projectId * 1000 + iid } as IssueRecord;
    },
    findProjectByFullPath: () => Promise.resolve(null),
    findProjectById: () => Promise.resolve(null),
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

  it('shares a read with calls later in the same turn, even when the query answers at once', async () => {
    // PGlite runs a query synchronously once called: without waiting for the next turn, a read
    // would settle before the next request of the same batch asked for it.
    const calls: number[] = [];
    const immediate = {
      findIssueById: (id: number) => {
        calls.push(id);
        return Promise.resolve({ id } as IssueRecord);
      },
    } as unknown as IssueRepository;
    const reads = withSingleFlightIssueReads(immediate);
    const first = reads.findIssueById(7);
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    const second = reads.findIssueById(7);
    expect(await Promise.all([first, second])).toEqual([{ id: 7 }, { id: 7 }]);
    expect(calls).toEqual([7]);
  });

  it('keeps nothing once a read settles: the next read queries again', async () => {
    const held = heldRepository();
    const reads = withSingleFlightIssueReads(held.repository);
    held.release();
    await reads.findIssueById(7);
    await reads.findIssueById(7);
    expect(held.calls).toEqual([7, 7]);
  });

  it('shares a read by all of its arguments, not only the first', async () => {
    const held = heldRepository();
    const reads = withSingleFlightIssueReads(held.repository);
    const all = [reads.findIssue(1, 5), reads.findIssue(1, 5), reads.findIssue(1, 6)];
    held.release();
    expect((await Promise.all(all)).map((issue) => issue?.id)).toEqual([1005, 1005, 1006]);
    expect(held.calls).toEqual([1005, 1006]);
  });

  it('passes every other method through', async () => {
    const reads = withSingleFlightIssueReads(heldRepository().repository);
    expect(await reads.findProjectByFullPath('x')).toBeNull();
    expect(await reads.findProjectById(1)).toBeNull();
  });
});
