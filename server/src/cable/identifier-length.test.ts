import { randomUUID } from 'node:crypto';

import { print } from 'graphql';
import { describe, expect, it } from 'vitest';

import { IssueSetAssigneesDocument } from '@shared/graphql/generated/operations.js';

import { CableClient } from '../../test/cable-client.js';
import { graphqlAs, signIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

import { DEFAULT_CABLE_LIMITS } from './server.js';

/**
 * GitLab's link puts the whole document in the subscribe identifier, so the identifier limit
 * must admit GitLab's larger documents (a few KB), and still refuse one past it, unparsed.
 */
const server = await startTestServer();
const LIMIT = DEFAULT_CABLE_LIMITS.maxIdentifierLength;

/**
 * A subscription of GitLab's shape (`issuableAssigneesUpdated`, `... on Issue`, fragments on
 * User) that grows with `fragments`: each is a distinct fragment spread on the assignees.
 */
function gitlabStyleIdentifier(fragments: number, issue: number): string {
  const names = Array.from({ length: fragments }, (_, i) => `SidebarAssignee${i}`);
  const query = [
    ...names.map(
      (name) =>
        `fragment ${name} on User {\n  id\n  avatarUrl\n  name\n  username\n  webUrl\n  webPath\n  status {\n    availability\n    message\n    emoji\n  }\n}\n`,
    ),
    'subscription issuableAssigneesUpdated($issuableId: IssuableID!) {',
    '  issuableAssigneesUpdated(issuableId: $issuableId) {',
    '    ... on Issue {',
    '      id',
    `      assignees { nodes { ${names.map((name) => `...${name}`).join(' ')} } }`,
    '    }',
    '  }',
    '}',
  ].join('\n');
  return JSON.stringify({
    channel: 'GraphqlChannel',
    query,
    variables: { issuableId: `gid://gitlab/Issue/${issue}` },
    operationName: 'issuableAssigneesUpdated',
    nonce: randomUUID(),
  });
}

/** The smallest document of that shape whose identifier is at least `length` characters. */
function identifierOfAtLeast(length: number, issue: number): string {
  for (let fragments = 1; ; fragments += 1) {
    const identifier = gitlabStyleIdentifier(fragments, issue);
    if (identifier.length >= length) return identifier;
  }
}

/** The same shape, padded in its nonce to exactly `length` characters. */
function identifierOfLength(length: number, issue: number): string {
  let fragments = 1;
  while (gitlabStyleIdentifier(fragments + 1, issue).length <= length) fragments += 1;
  const identifier = JSON.parse(gitlabStyleIdentifier(fragments, issue)) as { nonce: string };
  identifier.nonce += 'x'.repeat(length - JSON.stringify(identifier).length);
  const padded = JSON.stringify(identifier);
  expect(padded.length).toBe(length);
  return padded;
}

async function connect(): Promise<CableClient> {
  const client = await CableClient.connect(server.url);
  expect(await client.next()).toEqual({ type: 'welcome' });
  return client;
}

type Assignees = { issuableAssigneesUpdated: { assignees: { nodes: { username: string }[] } } };
const usernames = (message: unknown) =>
  (
    message as { result: { data: Assignees } }
  ).result.data.issuableAssigneesUpdated.assignees.nodes.map((node) => node.username);

describe('the subscribe identifier limit, GitLab style', () => {
  it('is far above the 1,024 characters that refused GitLab-sized documents, below the frame limit', () => {
    expect(LIMIT).toBeGreaterThanOrEqual(16 * 1024);
    // JSON-escaped in the subscribe frame, an identifier grows; it must still fit in one frame.
    expect(2 * LIMIT).toBeLessThan(DEFAULT_CABLE_LIMITS.maxPayload);
  });

  it('accepts a 5 KB document: first result, confirmation, then pushes', async () => {
    const identifier = identifierOfAtLeast(5 * 1024, 8);
    expect(identifier.length).toBeLessThan(6 * 1024);
    const client = await connect();
    client.subscribe(identifier);
    const first = await client.nextNonPing();
    expect(first.identifier).toBe(identifier);
    expect(first.message).toMatchObject({ more: true });
    expect((await client.nextNonPing()).type).toBe('confirm_subscription');

    const alice = await signIn(server, 'alice');
    const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
      projectPath: 'gitlab-org/gitlab-test',
      iid: '8',
      assigneeUsernames: ['bob'],
    });
    expect(body.data).toMatchObject({ issueSetAssignees: { errors: [] } });
    expect(usernames((await client.nextNonPing()).message)).toEqual(['bob']);
    client.close();
  });

  it('accepts an identifier of exactly the limit and rejects one character more, unparsed', async () => {
    await expect.poll(() => server.subscriptions.size).toBe(0); // the test before has closed
    const client = await connect();
    client.subscribe(identifierOfLength(LIMIT + 1, 9));
    const rejected = await client.nextNonPing();
    expect(rejected.type).toBe('reject_subscription');
    expect(rejected.message).toBeUndefined(); // never executed: no result before the rejection
    expect(server.subscriptions.size).toBe(0);

    const atLimit = identifierOfLength(LIMIT, 9);
    client.subscribe(atLimit);
    expect((await client.nextNonPing()).message).toMatchObject({ more: true });
    expect(await client.nextNonPing()).toEqual({
      identifier: atLimit,
      type: 'confirm_subscription',
    });
    client.close();
  });
});
