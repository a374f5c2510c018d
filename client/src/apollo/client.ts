import type { Consumer } from '@rails/actioncable';
import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  type NormalizedCacheObject,
  type Reference,
  type StoreObject,
} from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import ActionCableLink from 'graphql-ruby-client/subscriptions/ActionCableLink';

import introspection from '@shared/graphql/generated/possible-types';

import { csrfToken } from '../bootstrap';
import { isOlderVersion } from '../issue/issue-version';
import { projectIssuesPolicy } from '../issue/list/cache-policy';
import type { RealtimeLinkCallbacks } from './realtime-state';

export const GRAPHQL_ENDPOINT = '/api/graphql';

export function isSubscriptionOperation({ query }: { query: DocumentNode }): boolean {
  const definition = getMainDefinition(query);
  return (
    definition.kind === Kind.OPERATION_DEFINITION &&
    definition.operation === OperationTypeNode.SUBSCRIPTION
  );
}

/** An issue as a cache merge function sees it: the entity's reference or its fields. */
type IssueStoreValue = Reference | StoreObject;

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      // Not normalised (no id): an incoming connection replaces the stored one.
      UserCoreConnection: { merge: true },
      // The issue list's pages, one entry per set of filters (see cache-policy.ts).
      Project: { fields: { issues: projectIssuesPolicy } },
      // Never back to an older state: a write (push, refetch, mutation answer) whose
      // `updatedAt` is older than the cached issue's leaves the issue as it is. For the entity,
      // `existing` is its reference (its fields undefined before the first write); a field that
      // holds an issue calls this too, with no `existing` the first time.
      Issue: {
        merge(
          existing: IssueStoreValue | undefined,
          incoming: IssueStoreValue,
          { readField, mergeObjects },
        ): IssueStoreValue {
          if (!existing) return incoming;
          if (isOlderVersion(readField('updatedAt', existing), readField('updatedAt', incoming))) {
            return existing;
          }
          return mergeObjects(existing, incoming);
        },
      },
    },
  });
}

/** Adds the page's CSRF token (from its meta tag, read per request) as GitLab's client does. */
export const csrfLink = new ApolloLink((operation, forward) => {
  const token = typeof document === 'undefined' ? '' : csrfToken();
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'X-CSRF-Token': token },
    }));
  }
  return forward(operation);
});

export interface ApolloClientOptions {
  cable: Consumer;
  callbacks: RealtimeLinkCallbacks;
  /** Replaces the HTTP link (tests). */
  httpLink?: ApolloLink;
}

/** Queries and mutations go over HTTP, subscriptions over Action Cable (graphql-ruby's GraphqlChannel). */
export function createApolloClient({
  cable,
  callbacks,
  httpLink = new HttpLink({ uri: GRAPHQL_ENDPOINT }),
}: ApolloClientOptions): ApolloClient<NormalizedCacheObject> {
  const link = ApolloLink.split(
    isSubscriptionOperation,
    new ActionCableLink({ cable, callbacks }),
    ApolloLink.from([csrfLink, httpLink]),
  );
  return new ApolloClient({ link, cache: createCache() });
}
