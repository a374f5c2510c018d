import type { IssueRepository } from './repository.js';
import type { IssueRecord } from './types.js';

/**
 * Coalesces concurrent reads of the same issue: while one `findIssueById(7)` is in flight,
 * further callers share its promise instead of queueing their own query, and nothing is kept
 * once it settles. This is what a subscribe storm needs: thousands of viewers of one issue each
 * read it for their first payload. A caller that joins a read started just before a write gets
 * the state before it; subscriptions still converge, because their topic listener is registered
 * before the read, so that write's event is delivered right after the first payload.
 */
export function withSingleFlightIssueReads(repository: IssueRepository): IssueRepository {
  const inFlight = new Map<number, Promise<IssueRecord | null>>();
  const findIssueById = (id: number): Promise<IssueRecord | null> => {
    const pending = inFlight.get(id);
    if (pending) return pending;
    const read = repository.findIssueById(id).finally(() => inFlight.delete(id));
    inFlight.set(id, read);
    return read;
  };
  return new Proxy(repository, {
    get(target, property, receiver) {
      if (property === 'findIssueById') return findIssueById;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
