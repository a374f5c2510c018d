import { ApolloLink, Observable, type FetchResult, type Operation } from '@apollo/client/core';

interface ResultObserver {
  next(result: FetchResult): void;
  error(error: unknown): void;
  complete(): void;
}

export interface PendingOperation {
  readonly operation: Operation;
  readonly observer: ResultObserver;
  /** Completed, failed or unsubscribed. */
  closed: boolean;
}

/**
 * A terminating link whose results the test sends: every request stays open until the test
 * replies (queries, mutations), pushes (subscriptions) or fails it.
 */
export class ControllableLink extends ApolloLink {
  readonly operations: PendingOperation[] = [];

  override request(operation: Operation): Observable<FetchResult> {
    return new Observable<FetchResult>((observer) => {
      const pending: PendingOperation = { operation, observer, closed: false };
      this.operations.push(pending);
      return () => {
        pending.closed = true;
      };
    });
  }

  /** Every request made for the operation `name`, open or not. */
  all(name: string): PendingOperation[] {
    return this.operations.filter((pending) => pending.operation.operationName === name);
  }

  /** The requests for `name` that are still open. */
  open(name: string): PendingOperation[] {
    return this.all(name).filter((pending) => !pending.closed);
  }

  /** The latest open request for `name`. */
  latest(name: string): PendingOperation {
    const pending = this.open(name).at(-1);
    if (!pending) throw new Error(`No open '${name}' operation`);
    return pending;
  }

  /** Answers the latest open query or mutation `name` and completes it. */
  reply(name: string, result: FetchResult): void {
    const { observer } = this.latest(name);
    observer.next(result);
    observer.complete();
  }

  /** Sends one payload on the latest open subscription `name` (it stays open). */
  push(name: string, result: FetchResult): void {
    this.latest(name).observer.next(result);
  }

  /** Fails the latest open request `name` as a network error would. */
  fail(name: string, error: Error): void {
    this.latest(name).observer.error(error);
  }
}
