import type { Consumer } from '@rails/actioncable';
import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  type NormalizedCacheObject,
} from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import ActionCableLink from 'graphql-ruby-client/subscriptions/ActionCableLink';

import introspection from '@shared/graphql/generated/possible-types';

import { csrfToken } from '../bootstrap';
import type { RealtimeLinkCallbacks } from './realtime-state';

export const GRAPHQL_ENDPOINT = '/api/graphql';

export function isSubscriptionOperation({ query }: { query: DocumentNode }): boolean {
  const definition = getMainDefinition(query);
  return (
    definition.kind === Kind.OPERATION_DEFINITION &&
    definition.operation === OperationTypeNode.SUBSCRIPTION
  );
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      // Not normalised (no id): an incoming connection replaces the stored one.
      UserCoreConnection: { merge: true },
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
