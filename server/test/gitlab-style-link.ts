import { randomUUID } from 'node:crypto';

import { ApolloLink, Observable, type FetchResult, type Operation } from '@apollo/client/core';
import type { Consumer } from '@rails/actioncable';
import { print } from 'graphql';

/** What GitLab's GraphqlChannel transmits to a subscriber of its style. */
interface GitlabChannelMessage {
  result?: FetchResult;
  more?: boolean;
  errors?: unknown;
}

/**
 * An Apollo Client 3 link that speaks GitLab's wire shape, written for these tests: each
 * operation becomes one Action Cable subscription whose identifier carries the printed document,
 * its variables, its name and a random nonce; no `execute` action is sent. `{"result":…}` is
 * a result, `{"errors":…}` an error, and `more: false` (or none) ends the operation. Apollo's
 * unsubscribe unsubscribes the channel.
 */
export class GitlabStyleLink extends ApolloLink {
  constructor(private readonly consumer: Consumer) {
    super();
  }

  override request(operation: Operation): Observable<FetchResult> {
    return new Observable<FetchResult>((observer) => {
      const channel = this.consumer.subscriptions.create(
        {
          channel: 'GraphqlChannel',
          query: print(operation.query),
          variables: operation.variables,
          operationName: operation.operationName,
          nonce: randomUUID(),
        },
        {
          received(message: GitlabChannelMessage) {
            if (message.errors) observer.error(message.errors);
            else if (message.result) observer.next(message.result);
            if (!message.more) observer.complete();
          },
        },
      );
      return () => channel.unsubscribe();
    });
  }
}
