import { execute, print, type DocumentNode } from 'graphql';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ChannelResult } from '@shared/graphql/channel.js';

import { loadGitlabDocument } from '../../test/gitlab-documents.js';
import { DrizzleUserStatusRepository } from '../db/drizzle-user-status-repository.js';
import { useSeededFixture } from '../db/test-fixture.js';
import { IssueCreateService } from '../domain/issue-create-service.js';
import { IssueUpdateService } from '../domain/issue-update-service.js';
import { UserStatusService } from '../domain/user-status-service.js';
import { issueEventAuthorizer } from '../permissions/issue-event-authorizer.js';
import { ANONYMOUS } from '../permissions/principal.js';
import { MemoryAdapter } from '../pubsub/memory-adapter.js';

import { createGraphQLContext, type ContextServices } from './context.js';
import { GraphqlTriggers } from './graphql-triggers.js';
import { buildSchema } from './schema.js';
import { ActionCableSubscriptions } from './subscriptions/action-cable-subscriptions.js';

/** GitLab-shaped sidebar documents for labels, milestone and due date run against the server. */
const fixture = useSeededFixture('pglite');
const schema = buildSchema();
let services: ContextServices;
let engine: ActionCableSubscriptions;
const project = 'gitlab-org/gitlab-test';
/** Asymmetric matchers are typed `any`; these name them once. */
const anyArray: unknown = expect.any(Array);
const milestonePath: unknown = expect.stringMatching(/\/-\/milestones\/\d+$/);

beforeAll(() => {
  const { repository, identity, db } = fixture.database;
  engine = new ActionCableSubscriptions(schema, new MemoryAdapter(), pino({ level: 'silent' }), {
    authorize: issueEventAuthorizer(identity),
  });
  services = {
    repository,
    identity,
    issues: new IssueUpdateService(
      repository,
      identity,
      new GraphqlTriggers(engine),
      pino({ level: 'silent' }),
    ),
    issueCreator: new IssueCreateService(
      repository,
      identity,
      { issueCreated: () => Promise.resolve() }, // not what these tests check
      pino({ level: 'silent' }),
    ),
    userStatuses: new UserStatusService(
      new DrizzleUserStatusRepository(db),
      { issueUpdated: () => Promise.resolve(), issuableAssigneesUpdated: () => Promise.resolve() },
      pino({ level: 'silent' }),
    ),
    presence: { viewersOf: () => Promise.resolve(null) }, // not what these tests check
  };
});

async function contextOf(username: string | null) {
  const account = username ? await fixture.database.identity.findAccountByUsername(username) : null;
  return createGraphQLContext(services, account ? { account, readOnly: false } : ANONYMOUS);
}

async function run(file: string, variables: Record<string, unknown>, as: string | null = 'alice') {
  const result = await execute({
    schema,
    document: loadGitlabDocument(file),
    variableValues: variables,
    contextValue: await contextOf(as),
  });
  expect(result.errors).toBeUndefined();
  return result.data as Data;
}

/** A result tree, read with {@link at}. */
type Data = Record<string, unknown>;
/** A node of a connection (a label or a milestone). */
interface Node {
  id: string;
  title: string;
}

/** The value at `path` of a result (dot-separated keys), typed by the caller. */
function at<T>(data: unknown, path: string): T {
  return path.split('.').reduce<unknown>((node, key) => (node as Data | null)?.[key], data) as T;
}

/** Subscribes like GitLab's frontend and collects the payloads. */
async function subscribe(document: DocumentNode, issuableId: string) {
  const payloads: ChannelResult[] = [];
  await engine.runOperation(
    { query: print(document), variables: { issuableId }, action: 'execute' },
    await contextOf(null),
    {
      transmit: (p: ChannelResult) => payloads.push(p),
      transmitSerialized: (j: string) => payloads.push(JSON.parse(j) as ChannelResult),
    },
  );
  return payloads;
}

describe("GitLab's sidebar documents run", () => {
  it('labels: the dropdown query, the issue query, the mutation and the subscription', async () => {
    const labels = await run('project-labels.query.graphql', {
      fullPath: project,
      searchTerm: 'prio',
    });
    expect(at<Node[]>(labels, 'namespace.labels.nodes').map((l) => l.title)).toEqual([
      'priority::high',
      'priority::low',
    ]);
    const low = at<Node[]>(labels, 'namespace.labels.nodes')[1] ?? { id: '', title: '' };
    expect(low.id).toMatch(/^gid:\/\/gitlab\/ProjectLabel\/\d+$/);

    const issue = await fixture.issue(1);
    const gid = `gid://gitlab/Issue/${issue.id}`;
    const payloads = await subscribe(
      loadGitlabDocument('issuable-labels.subscription.graphql'),
      gid,
    );
    expect(payloads[0]).toMatchObject({ more: true });

    const set = await run('issue-set-labels.mutation.graphql', {
      input: { projectPath: project, iid: '1', addLabelIds: [low.id] },
    });
    expect(at<unknown>(set, 'updateIssuableLabels.errors')).toEqual([]);
    const titles = at<Node[]>(set, 'updateIssuableLabels.issuable.labels.nodes').map(
      (l: { title: string }) => l.title,
    );
    expect(titles).toEqual(['feature', 'frontend', 'priority::low']); // high left: same scope
    await expect.poll(() => payloads.length).toBe(2);
    expect(payloads[1]).toMatchObject({
      more: true,
      result: {
        data: { issuableLabelsUpdated: { id: gid, labels: { nodes: anyArray } } },
      },
    });
    const read = await run('issue-labels.query.graphql', { fullPath: project, iid: '1' }, null);
    expect(at<Node[]>(read, 'namespace.issuable.labels.nodes')).toEqual(
      at<Node[]>(set, 'updateIssuableLabels.issuable.labels.nodes'),
    );
  });

  it('milestone: the dropdown query, the mutation and the subscription', async () => {
    const active = await run('project-milestones.query.graphql', {
      fullPath: project,
      state: 'active',
    });
    const nodes = at<Node[]>(active, 'workspace.attributes.nodes') as {
      id: string;
      title: string;
      expired: boolean;
    }[];
    expect(nodes.map((m) => m.title)).toEqual(['v1.1', 'v2.0']);
    const closed = await run('project-milestones.query.graphql', {
      fullPath: project,
      title: 'v1.0',
    });
    expect(at<unknown>(closed, 'workspace.attributes.nodes')).toMatchObject([
      {
        title: 'v1.0',
        state: 'closed',
        expired: true,
        webUrl: milestonePath,
      },
    ]);

    const issue = await fixture.issue(2);
    const payloads = await subscribe(
      loadGitlabDocument('issuable-milestone.subscription.graphql'),
      `gid://gitlab/Issue/${issue.id}`,
    );
    const set = await run('project-issue-milestone.mutation.graphql', {
      fullPath: project,
      iid: '2',
      attributeId: nodes[1]?.id,
    });
    expect(at<unknown>(set, 'issuableSetAttribute')).toMatchObject({
      errors: [],
      issuable: { attribute: { title: 'v2.0', state: 'active' } },
    });
    await expect.poll(() => payloads.length).toBe(2);
    expect(payloads[1]?.result?.data).toMatchObject({
      issuableMilestoneUpdated: { milestone: { title: 'v2.0' } },
    });
    const removed = await run('project-issue-milestone.mutation.graphql', {
      fullPath: project,
      iid: '2',
      attributeId: null,
    });
    expect(at<unknown>(removed, 'issuableSetAttribute.issuable.attribute')).toBeNull();
  });

  it('due date: the query, both mutations and the subscription; a bad date writes nothing', async () => {
    const issue = await fixture.issue(3);
    const payloads = await subscribe(
      loadGitlabDocument('issuable-dates.subscription.graphql'),
      `gid://gitlab/Issue/${issue.id}`,
    );
    const set = await run('update-issue-due-date.mutation.graphql', {
      input: { projectPath: project, iid: '3', dueDate: '2031-12-24' },
    });
    expect(at<unknown>(set, 'issuableSetDate')).toEqual({
      issuable: { id: `gid://gitlab/Issue/${issue.id}`, dueDate: '2031-12-24' },
      errors: [],
    });
    await expect.poll(() => payloads.length).toBe(2);
    const read = await run('issue-due-date.query.graphql', { fullPath: project, iid: '3' });
    expect(at<unknown>(read, 'namespace.issuable.dueDate')).toBe('2031-12-24');

    const viaSet = await run('issue-set-due-date.mutation.graphql', {
      projectPath: project,
      iid: '3',
      dueDate: '2032-01-02T00:00:00Z',
    });
    expect(at<unknown>(viaSet, 'issueSetDueDate.issue.dueDate')).toBe('2032-01-02');
    const bad = await execute({
      schema,
      document: loadGitlabDocument('update-issue-due-date.mutation.graphql'),
      variableValues: { input: { projectPath: project, iid: '3', dueDate: '2032-02-30' } },
      contextValue: await contextOf('alice'),
    });
    expect(bad.errors?.[0]?.message).toContain('is not a date (YYYY-MM-DD)');
    expect((await fixture.issue(3)).dueDate).toBe('2032-01-02');
    const cleared = await run('issue-set-due-date.mutation.graphql', {
      projectPath: project,
      iid: '3',
      dueDate: null,
    });
    expect(at<unknown>(cleared, 'issueSetDueDate.issue.dueDate')).toBeNull();
  });

  it('refuses hostile ids in errors, writing nothing', async () => {
    const before = await fixture.issue(5);
    const answers = await Promise.all([
      run('issue-set-labels.mutation.graphql', {
        input: { projectPath: project, iid: '5', labelIds: ['gid://gitlab/User/1'] },
      }),
      run('issue-set-labels.mutation.graphql', {
        input: {
          projectPath: project,
          iid: '5',
          addLabelIds: Array.from({ length: 5000 }, () => '1'),
        },
      }),
      run('project-issue-milestone.mutation.graphql', {
        fullPath: project,
        iid: '5',
        attributeId: 'gid://gitlab/Milestone/99999999999',
      }),
    ]);
    expect(at<unknown>(answers[0], 'updateIssuableLabels.errors')).toEqual([
      'Not a label ID: "gid://gitlab/User/1"',
    ]);
    expect(at<unknown>(answers[1], 'updateIssuableLabels.errors')).toEqual([
      'Too many labels: an issue may have at most 100',
    ]);
    expect(at<unknown>(answers[2], 'issuableSetAttribute.errors')).toEqual([
      'Not a milestone ID: "gid://gitlab/Milestone/99999999999"',
    ]);
    expect(await fixture.issue(5)).toEqual(before);
  });
});
