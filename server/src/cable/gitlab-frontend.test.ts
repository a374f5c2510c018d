import {
  ApolloClient,
  execute,
  HttpLink,
  InMemoryCache,
  split,
  type FetchResult,
} from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { adapters, createConsumer } from '@rails/actioncable';
import { Kind, OperationTypeNode, print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import { CABLE } from '@shared/cable/protocol.js';
import { IssueSetAssigneesDocument } from '@shared/graphql/generated/operations.js';
import possibleTypes from '@shared/graphql/generated/possible-types.js';

import { loadGitlabDocument } from '../../test/gitlab-documents.js';
import { GitlabStyleLink } from '../../test/gitlab-style-link.js';
import { Recorder } from '../../test/recorder.js';
import { graphqlAs, signIn } from '../../test/sign-in.js';
import { startTestServer, TEST_ORIGIN } from '../../test/start-test-server.js';

/**
 * GitLab's frontend arrangement, in Node: Apollo Client 3 with subscriptions over a link that
 * speaks GitLab's wire shape (operation in the identifier) on the stock @rails/actioncable
 * consumer, queries and mutations over HTTP, and documents of GitLab's shape.
 */
const server = await startTestServer();
const alice = await signIn(server, 'alice');
const bob = await signIn(server, 'bob');

// The page's session rides on the upgrade request, as in a browser.
class SignedInWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { origin: TEST_ORIGIN, headers: { cookie: alice.cookie } });
  }
}
const globals = globalThis as unknown as Record<string, unknown>;
globals.addEventListener ??= () => undefined;
globals.removeEventListener ??= () => undefined;
adapters.WebSocket = SignedInWebSocket as unknown as typeof adapters.WebSocket;

const consumer = createConsumer(server.url.replace(/^http/, 'ws') + CABLE.mountPath);
const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
  const definition = getMainDefinition(query);
  return (
    definition.kind === Kind.OPERATION_DEFINITION &&
    definition.operation === OperationTypeNode.SUBSCRIPTION
  );
};
const apollo = new ApolloClient({
  link: split(
    isSubscription,
    new GitlabStyleLink(consumer),
    new HttpLink({
      uri: `${server.url}/api/graphql`,
      headers: { cookie: alice.cookie, 'x-csrf-token': alice.csrfToken },
    }),
  ),
  cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
});
afterAll(() => {
  apollo.stop();
  consumer.disconnect();
});

const assigneesQuery = loadGitlabDocument('issue-assignees.query.graphql');
const assigneesMutation = loadGitlabDocument('issue-set-assignees.mutation.graphql');
const assigneesSubscription = loadGitlabDocument('issuable-assignees.subscription.graphql');
const ISSUE = 'gid://gitlab/Issue/15';

interface UserJson {
  username: string;
  status: { availability: string } | null;
}
type Update = FetchResult<{ issuableAssigneesUpdated: { assignees: { nodes: UserJson[] } } }>;
const assigneesOf = (update: Update) =>
  update.data?.issuableAssigneesUpdated.assignees.nodes.map((user) => [
    user.username,
    user.status?.availability ?? null,
  ]);

async function setAssigneesOverHttp(usernames: string[]): Promise<void> {
  const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
    projectPath: 'gitlab-org/gitlab-test',
    iid: '15',
    assigneeUsernames: usernames,
  });
  expect(body.data).toMatchObject({ issueSetAssignees: { errors: [] } });
}

describe("GitLab's frontend arrangement (Apollo Client 3, GitLab's wire shape and documents)", () => {
  it('queries, subscribes, mutates and receives an out-of-band change', async () => {
    const busy = await fetch(`${server.url}/api/v4/user/status`, {
      method: 'PUT',
      headers: {
        cookie: bob.cookie,
        'x-csrf-token': bob.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ availability: 'busy' }),
    });
    expect(busy.status).toBe(200);
    await setAssigneesOverHttp(['bob', 'carol']);

    // Query: every field GitLab's sidebar query selects has a real value.
    const { data } = await apollo.query<{ namespace: { issuable: Record<string, unknown> } }>({
      query: assigneesQuery,
      variables: { fullPath: 'gitlab-org/gitlab-test', iid: '15' },
    });
    const issuable = data.namespace.issuable;
    expect(issuable.author).toEqual({
      __typename: 'UserCore',
      id: expect.stringMatching(/^gid:\/\/gitlab\/User\/\d+$/) as unknown,
      avatarUrl: expect.stringMatching(/\.svg$/) as unknown,
      name: expect.any(String) as unknown,
      username: expect.any(String) as unknown,
      webUrl: expect.stringMatching(/^\//) as unknown,
      webPath: expect.stringMatching(/^\//) as unknown,
      type: 'HUMAN',
      status: null, // no status set: GitLab answers null too
      compositeIdentityEnforced: false,
    });
    const assignees = (issuable.assignees as { nodes: Record<string, unknown>[] }).nodes;
    expect(assignees.map((user) => [user.username, user.webPath, user.status])).toEqual([
      ['bob', '/bob', { __typename: 'UserStatus', availability: 'BUSY' }],
      ['carol', '/carol', null],
    ]);

    // Subscription: the first payload is the current state.
    const before = server.subscriptions.size;
    const updates = new Recorder<Update>();
    const subscription = apollo
      .subscribe({ query: assigneesSubscription, variables: { issuableId: ISSUE } })
      .subscribe(updates.observer);
    expect(assigneesOf(await updates.next())).toEqual([
      ['bob', 'BUSY'],
      ['carol', null],
    ]);
    expect(server.subscriptions.size).toBe(before + 1);

    // Mutation through Apollo: its result, and the push it causes.
    const mutation = await apollo.mutate({
      mutation: assigneesMutation,
      variables: { fullPath: 'gitlab-org/gitlab-test', iid: '15', assigneeUsernames: ['carol'] },
    });
    expect(mutation.data).toMatchObject({
      issuableSetAssignees: {
        issuable: { id: ISSUE, assignees: { nodes: [{ username: 'carol' }] } },
      },
    });
    expect(assigneesOf(await updates.next())).toEqual([['carol', null]]);

    // A change made elsewhere arrives, and lands in the normalised cache.
    await setAssigneesOverHttp(['dave', 'bob']);
    expect(assigneesOf(await updates.next())).toEqual([
      ['dave', null],
      ['bob', 'BUSY'],
    ]);
    const cached = apollo.cache.extract() as Record<string, { assignees?: unknown }>;
    expect(JSON.stringify(cached[`Issue:${ISSUE}`]?.assignees)).toContain('gid://gitlab/User/');

    subscription.unsubscribe();
    await expect.poll(() => server.subscriptions.size).toBe(before);
  });

  it('ends the operation with an error for an issue the user may not see', async () => {
    const updates = new Recorder<Update>();
    apollo
      .subscribe({
        query: assigneesSubscription,
        variables: { issuableId: 'gid://gitlab/Issue/999999' },
      })
      .subscribe(updates.observer);
    const result = (await updates.next()) as unknown as { error?: Error };
    expect(result.error?.message).toContain('Unauthorized subscription');
  });

  // The identifier carries the whole document (893 characters here, under the cable's 1,024).
  it('runs the sidebar query in GitLab style over the cable too', async () => {
    const link = new GitlabStyleLink(consumer);
    const results = new Recorder<FetchResult>();
    execute(link, {
      query: assigneesQuery,
      variables: { fullPath: 'gitlab-org/gitlab-test', iid: '15' },
    }).subscribe(results.observer);
    const result = await results.next();
    expect(result.data).toMatchObject({ namespace: { issuable: { id: ISSUE } } });
  });
});
