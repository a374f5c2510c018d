import { print } from 'graphql';
import { describe, expect, it } from 'vitest';

import { IssueUpdatedDocument } from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier } from '../../test/cable-client.js';
import { graphqlRequest, startTestServer } from '../../test/start-test-server.js';
import type { AccountRecord } from '../domain/identity.js';
import { signIn } from '../../test/sign-in.js';
import type { RunningServer } from '../start-server.js';

/**
 * read_issue on subscribe and before every push, against the subscriber as they are now:
 * a viewer who loses access gets a final {"more":false} and nothing of the issue after it.
 */
const server: RunningServer = await startTestServer();

const project = 'gitlab-org/gitlab-test';
const query = print(IssueUpdatedDocument);

async function issueOf(iid: number) {
  const found = await server.services.repository.findProjectByFullPath(project);
  const issue = found && (await server.services.repository.findIssue(found.id, iid));
  if (!issue) throw new Error(`issue #${iid} missing`);
  return issue;
}

async function subscriber(iid: number, user?: string) {
  const issue = await issueOf(iid);
  const headers = user ? { cookie: (await signIn(server, user)).cookie } : undefined;
  const client = await CableClient.connect(server.url, headers ? { headers } : {});
  await client.nextNonPing();
  const identifier = graphqlIdentifier(`${user ?? 'anon'}-${iid}`);
  client.subscribe(identifier);
  await client.nextNonPing();
  client.perform(identifier, {
    query,
    variables: { issueId: `gid://gitlab/Issue/${issue.id}` },
    action: 'execute',
  });
  return { client, identifier, first: await client.nextNonPing() };
}

const account = async (username: string) =>
  (await server.database.identity.findAccountByUsername(username)) as AccountRecord;
const setConfidential = (iid: number, confidential: boolean, actor: AccountRecord | null) =>
  server.services.issues.setConfidential({
    projectPath: project,
    iid: String(iid),
    confidential,
    actor,
  });

describe('authorization of subscriptions and pushes', () => {
  it('ends the subscription of a viewer who loses access, and keeps pushing to one who keeps it', async () => {
    const issue = await issueOf(20);
    const author = await account(issue.author.username);
    const anonymous = await subscriber(20);
    const owner = await subscriber(20, author.username);
    expect(anonymous.first.message).toMatchObject({ more: true });

    await setConfidential(20, true, author);
    // The anonymous viewer gets a bare {more:false}: no result, nothing of the issue.
    expect(await anonymous.client.nextNonPing()).toEqual({
      identifier: anonymous.identifier,
      message: { more: false },
    });
    expect((await owner.client.nextNonPing()).message).toMatchObject({
      more: true,
      result: { data: { issueUpdated: { id: `gid://gitlab/Issue/${issue.id}` } } },
    });

    await server.services.issues.setAssignees({
      projectPath: project,
      iid: '20',
      usernames: ['dave'],
      mode: 'REPLACE',
      actor: author,
    });
    const pushed = (await owner.client.nextNonPing()).message as {
      result: { data: { issueUpdated: { assignees: { nodes: { username: string }[] } } } };
    };
    expect(pushed.result.data.issueUpdated.assignees.nodes.map((n) => n.username)).toEqual([
      'dave',
    ]);
    // The push went out before this control command was processed, and frames on one socket
    // stay in order: anything leaked to the anonymous viewer would arrive before the confirmation.
    const control = graphqlIdentifier('control');
    anonymous.client.subscribe(control);
    expect(await anonymous.client.nextNonPing()).toEqual({
      identifier: control,
      type: 'confirm_subscription',
    });
    expect(server.subscriptions.stats.denied).toBeGreaterThanOrEqual(1);
    anonymous.client.close();
    owner.client.close();
    await setConfidential(20, false, author);
  });

  it('answers a hidden issue exactly like a missing one (no existence oracle)', async () => {
    const issue = await issueOf(19);
    await setConfidential(19, true, await account(issue.author.username));
    const hidden = await subscriber(19);
    const client = await CableClient.connect(server.url);
    await client.nextNonPing();
    const identifier = graphqlIdentifier('missing');
    client.subscribe(identifier);
    await client.nextNonPing();
    client.perform(identifier, {
      query,
      variables: { issueId: 'gid://gitlab/Issue/999999' },
      action: 'execute',
    });
    const missing = await client.nextNonPing();
    expect(hidden.first.message).toEqual(missing.message);
    expect(hidden.first.message).toMatchObject({
      more: false,
      result: { errors: [{ message: 'Unauthorized subscription' }] },
    });
    hidden.client.close();
    client.close();
  });

  it('hides a confidential issue from queries and refuses anonymous writes to it, writing nothing', async () => {
    const issue = await issueOf(18);
    await setConfidential(18, true, await account(issue.author.username));
    const read = await graphqlRequest(
      server,
      `{ project(fullPath: "${project}") { issue(iid: "18") { id title } } }`,
    );
    expect(read).toEqual({ data: { project: { issue: null } } });
    const write = await graphqlRequest(
      server,
      `mutation { issueSetAssignees(input: { projectPath: "${project}", iid: "18", assigneeUsernames: ["bob"] }) { errors issue { id } } }`,
    );
    expect(write.data).toEqual({
      issueSetAssignees: {
        errors: [
          "The resource that you are attempting to access does not exist or you don't have permission to perform this action",
        ],
        issue: null,
      },
    });
    expect((await issueOf(18)).assignees.map((u) => u.username)).not.toContain('bob');
  });
});
