import { InFlight } from './in-flight.js';
import type { IssueRepository } from './repository.js';

/** The reads that many requests make at once with the same arguments. */
type SharedRead = 'findIssueById' | 'findIssue' | 'findProjectByFullPath';
const SHARED_READS: readonly SharedRead[] = ['findIssueById', 'findIssue', 'findProjectByFullPath'];

/**
 * Coalesces concurrent identical reads: while one `findIssueById(7)` is pending or in flight,
 * further callers share its promise instead of queueing their own query, and nothing is kept
 * once it settles. A subscribe storm needs it for `findIssueById` (thousands of viewers of one issue each
 * read it for their first payload), and so do page loads of a busy issue for the project and
 * the issue by iid (the sidebar query).
 *
 * Every caller joins a read that has not started yet, so no caller gets a state older than its
 * own call. Subscriptions converge anyway: their topic listener is registered before the read,
 * so a write committed after it is delivered right after the first payload; and a write
 * re-reads the issue under its row lock, so it never acts on a shared read.
 */
export function withSingleFlightIssueReads(repository: IssueRepository): IssueRepository {
  const shared = new Map<SharedRead, (...args: never[]) => Promise<unknown>>();
  for (const name of SHARED_READS) {
    const read = (...args: unknown[]): Promise<unknown> =>
      (repository[name] as (...a: unknown[]) => Promise<unknown>).apply(repository, args);
    const inFlight = new InFlight<unknown>();
    // The read starts on the next turn of the event loop, so every identical call made while
    // this turn's requests and frames are handled joins it. Waiting for overlap alone shared
    // nothing on PGlite, which runs a query synchronously once it is called.
    shared.set(name, (...args: unknown[]) =>
      inFlight.run(args.join('\u0000'), () =>
        new Promise<void>((resolve) => setImmediate(resolve)).then(() => read(...args)),
      ),
    );
  }
  return new Proxy(repository, {
    get(target, property, receiver) {
      const read = shared.get(property as SharedRead);
      if (read) return read;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
