import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  IssueSetAssigneesDocument,
  ProjectIssueMilestoneMutationDocument,
  UpdateIssueConfidentialDocument,
  UpdateIssueDueDateDocument,
  UpdateIssueLabelsDocument,
} from '@shared/graphql/generated/operations.js';

import { countRoundTrips, type RoundTrips } from '../../test/round-trips.js';
import { createToken, graphqlAs, signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

/**
 * The sidebar's own mutations over HTTP, counted on the database driver: with the caller's
 * credentials cached (any request before), each is one read and one write, authentication
 * included. The feature flags' periodic reload, which may fall in the window, is no part of it.
 */
const server = await startTestServer();
const projectPath = 'gitlab-org/gitlab-test';
const iid = '20';
let trips: RoundTrips;
let token: string;
let session: SignedIn;
const gid = new Map<string, string>();

beforeAll(async () => {
  const { repository } = server.database;
  const project = await repository.findProjectByFullPath(projectPath);
  for (const label of await repository.listLabels(project?.id ?? 0))
    gid.set(label.title, `gid://gitlab/ProjectLabel/${label.id}`);
  for (const milestone of await repository.listMilestones(project?.id ?? 0, {}))
    gid.set(milestone.title, `gid://gitlab/Milestone/${milestone.id}`);
  token = await createToken(server, 'alice', ['api']);
  session = await signIn(server, 'alice');
  trips = countRoundTrips(server.database.db);
});

/** Sends `document` as `auth` after a warm-up request, and answers its round trips. */
async function roundTrips(
  auth: { token: string } | SignedIn,
  document: string,
  variables: Record<string, unknown>,
): Promise<string[]> {
  await graphqlAs(server, auth, '{ currentUser { username } }'); // the credentials, cached
  trips.reset();
  const { status, body } = await graphqlAs(server, auth, document, variables);
  expect(status).toBe(200);
  expect(JSON.stringify(body)).toContain('"errors":[]');
  return trips.statements.filter((sql) => !sql.includes('feature_gates'));
}

describe('round trips of a sidebar mutation over HTTP', () => {
  it.each<[string, string, () => Record<string, unknown>]>([
    [
      'issueSetAssignees',
      print(IssueSetAssigneesDocument),
      () => ({ projectPath, iid, assigneeUsernames: ['bob', 'carol'] }),
    ],
    [
      'updateIssueLabels',
      print(UpdateIssueLabelsDocument),
      () => ({ input: { projectPath, iid, labelIds: [gid.get('bug'), gid.get('frontend')] } }),
    ],
    [
      'projectIssueMilestoneMutation',
      print(ProjectIssueMilestoneMutationDocument),
      () => ({ fullPath: projectPath, iid, attributeId: gid.get('v1.0') }),
    ],
    [
      'updateIssueDueDate',
      print(UpdateIssueDueDateDocument),
      () => ({ projectPath, iid, dueDate: '2032-02-02' }),
    ],
    [
      'updateIssueConfidential',
      print(UpdateIssueConfidentialDocument),
      () => ({ input: { projectPath, iid, confidential: true } }),
    ],
  ])('%s: two with a token', async (_name, document, variables) => {
    expect(await roundTrips({ token }, document, variables())).toHaveLength(2);
  });

  it('two with a session cookie', async () => {
    const variables = { projectPath, iid, assigneeUsernames: ['dave'] };
    const statements = await roundTrips(session, print(IssueSetAssigneesDocument), variables);
    expect(statements).toHaveLength(2);
  });
});
