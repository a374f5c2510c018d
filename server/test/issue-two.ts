import { print } from 'graphql';

import { IssueUpdatedDocument } from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier, type Frame } from './cable-client.js';
import { graphqlAs, signIn } from './sign-in.js';

/**
 * Multi-process tests watch and change issue #2 of the seed through public interfaces only:
 * an `issueUpdated` subscription over a raw cable client, and the HTTP mutation as alice.
 */
const query = print(IssueUpdatedDocument);

const setAssignees = (usernames: string[]) =>
  `mutation { issueSetAssignees(input: { projectPath: "gitlab-org/gitlab-test", iid: "2", assigneeUsernames: ${JSON.stringify(usernames)} }) { errors } }`;

/** Sets issue #2's assignees through the server at `url`, signed in as alice (a maintainer). */
export async function mutateIssueTwo(url: string, usernames: string[]): Promise<unknown> {
  const { body } = await graphqlAs(
    { url },
    await signIn({ url }, 'alice'),
    setAssignees(usernames),
  );
  return body;
}

/** The assignees' usernames in an `issueUpdated` result frame. */
export const usernames = (frame: Frame): string[] =>
  (
    frame.message as {
      result: { data: { issueUpdated: { assignees: { nodes: { username: string }[] } } } };
    }
  ).result.data.issueUpdated.assignees.nodes.map((node) => node.username);

/** Connects to the cable at `url`, subscribes to issue #2 and returns the first payload. */
export async function subscribeIssueTwo(
  url: string,
  origin?: string,
): Promise<{ client: CableClient; first: Frame }> {
  const client = await CableClient.connect(url, origin ? { origin } : {});
  await client.nextNonPing();
  const identifier = graphqlIdentifier('scale');
  client.subscribe(identifier);
  await client.nextNonPing();
  client.perform(identifier, {
    query,
    variables: { issueId: 'gid://gitlab/Issue/2' },
    action: 'execute',
  });
  return { client, first: await client.nextNonPing() };
}
