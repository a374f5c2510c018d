import { describe, expect, it } from 'vitest';

import { signIn, graphqlAs, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';
import { MemoryAdapter } from '../pubsub/memory-adapter.js';

import { eventStream, topicFor } from './subscriptions/topic.js';

/** The in-process pub/sub, recording every stream published on. */
class RecordingAdapter extends MemoryAdapter {
  readonly published: string[] = [];
  override publish(trigger: string, payload: string): Promise<void> {
    this.published.push(trigger);
    return super.publish(trigger, payload);
  }
}

const adapter = new RecordingAdapter();
const server = await startTestServer({ adapter });
const sessions = new Map<string, SignedIn>();
const PROJECT = 'gitlab-org/gitlab-test';

const CREATE = `mutation($input: CreateIssueInput!) {
  createIssue(input: $input) {
    issue { id iid title description confidential dueDate author { username }
      assignees { nodes { username } } labels { nodes { title } } milestone { title } }
    errors
  }
}`;

interface Payload {
  issue: {
    id: string;
    iid: string;
    title: string;
    assignees: { nodes: { username: string }[] };
  } | null;
  errors: string[];
}

async function as(username: string | null, query: string, variables: Record<string, unknown>) {
  let session = username ? sessions.get(username) : null;
  if (username && !session) {
    session = await signIn(server, username);
    sessions.set(username, session);
  }
  return graphqlAs(server, session ?? null, query, variables);
}

async function create(username: string | null, input: Record<string, unknown>) {
  const { body } = await as(username, CREATE, { input: { projectPath: PROJECT, ...input } });
  return { body, payload: body.data?.createIssue as Payload | undefined };
}

const issueCount = async () => {
  const project = await server.database.repository.findProjectByFullPath(PROJECT);
  return (await server.database.repository.listIssues(project?.id ?? 0, 10_000)).length;
};

async function gid(type: 'labels' | 'milestones', title: string): Promise<string> {
  const { body } = await as(
    'alice',
    `{ project(fullPath: "${PROJECT}") { ${type} { nodes { id title } } } }`,
    {},
  );
  const nodes = (body.data?.project as Record<string, { nodes: { id: string; title: string }[] }>)[
    type
  ]?.nodes;
  return nodes?.find((node) => node.title === title)?.id ?? '';
}

describe('createIssue over HTTP', () => {
  it('creates with every field as a reporter, and announces the new issue', async () => {
    const bob = await server.database.identity.findAccountByUsername('bob');
    const published = adapter.published.length;
    const { payload } = await create('carol', {
      title: 'From the new issue page',
      description: 'Some *markdown*',
      assigneeIds: [`gid://gitlab/User/${bob?.id}`],
      labelIds: [await gid('labels', 'bug')],
      milestoneId: await gid('milestones', 'v1.1'),
      dueDate: '2031-05-01',
      confidential: true,
    });
    expect(payload).toMatchObject({
      errors: [],
      issue: {
        title: 'From the new issue page',
        description: 'Some *markdown*',
        confidential: true,
        dueDate: '2031-05-01',
        author: { username: 'carol' },
        assignees: { nodes: [{ username: 'bob' }] },
        labels: { nodes: [{ title: 'bug' }] },
        milestone: { title: 'v1.1' },
      },
    });
    // Announced after the commit on its project's list event (nobody can watch the issue yet).
    const stream = eventStream(
      topicFor('projectIssuesUpdated', { projectPath: 'gitlab-org/gitlab-test' }),
    );
    expect(adapter.published.slice(published)).toEqual([stream]);
  });

  it("accepts GitLab's plain `Label` global ids for labels", async () => {
    const labelId = (await gid('labels', 'frontend')).replace('ProjectLabel', 'Label');
    const { payload } = await create('alice', { title: 'Label gid', labelIds: [labelId] });
    expect(payload?.errors).toEqual([]);
  });

  it('answers errors in `errors`, by field, writing and announcing nothing', async () => {
    const before = await issueCount();
    const published = adapter.published.length;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ title: ' ' }, /^Title can't be blank$/],
      [{ title: 'x'.repeat(256) }, /^Title is too long/],
      // PostgreSQL's text cannot hold U+0000: refused up front, not a failed write (a 500).
      [{ title: 'a\u0000b' }, /^Title must not contain U\+0000$/],
      [{ title: 'x', description: 'a\u0000b' }, /^Description must not contain U\+0000$/],
      [{ title: 'x', milestoneId: 'gid://gitlab/Milestone/999999' }, /^Milestone not found/],
      [{ title: 'x', labelIds: ['gid://gitlab/ProjectLabel/999999'] }, /^Labels not found/],
      [{ title: 'x', assigneeIds: ['gid://gitlab/User/999999'] }, /assignee_ids: 999999/],
    ];
    for (const [input, message] of cases) {
      const { payload } = await create('alice', input);
      expect(payload, JSON.stringify(input)).toEqual({
        issue: null,
        errors: [expect.stringMatching(message)],
      });
    }
    expect(await issueCount()).toBe(before);
    expect(adapter.published.length).toBe(published);
  });

  it('refuses malformed ids and dates at the scalars (a GraphQL error, nothing written)', async () => {
    const before = await issueCount();
    for (const input of [
      { title: 'x', dueDate: '2031-02-30' },
      { title: 'x', assigneeIds: ['gid://gitlab/Issue/1'] },
      { title: 'x', milestoneId: '7' },
    ]) {
      const { body } = await create('alice', input);
      expect(body.errors?.length, JSON.stringify(input)).toBeGreaterThan(0);
    }
    expect(await issueCount()).toBe(before);
  });

  it('refuses a guest, a stranger and an anonymous visitor with the not-found message', async () => {
    const before = await issueCount();
    for (const username of ['dave', 'erin', null]) {
      const { payload } = await create(username, { title: 'Not allowed' });
      expect(payload).toEqual({
        issue: null,
        errors: [expect.stringMatching(/does not exist or you don't have permission/)],
      });
    }
    const { payload } = await as('erin', CREATE, {
      input: { projectPath: 'gitlab-org/secret-project', title: 'Hidden' },
    }).then(({ body }) => ({ payload: body.data?.createIssue as Payload }));
    expect(payload.errors).toEqual([expect.stringMatching(/does not exist/)]);
    expect(await issueCount()).toBe(before);
  });
});

describe('user(username:) and issues(assigneeUsernames:)', () => {
  const PROFILE = `query($username: String!) {
    user(username: $username) { username name webPath status { availability } }
    issues(assigneeUsernames: [$username], state: opened, first: 100) {
      count nodes { iid confidential reference(full: true) }
    }
  }`;

  it('finds the user and lists only the assigned issues the viewer may read', async () => {
    const carol = await server.database.identity.findAccountByUsername('carol');
    // A confidential issue assigned to carol (reporter), authored by alice.
    const { payload } = await create('alice', {
      title: 'Secret for carol',
      confidential: true,
      assigneeIds: [`gid://gitlab/User/${carol?.id}`],
    });
    const ref = `${PROJECT}#${payload?.issue?.iid}`;
    const refs = async (viewer: string | null) => {
      const { body } = await as(viewer, PROFILE, { username: 'carol' });
      expect(body.data?.user).toMatchObject({ username: 'carol', webPath: '/carol' });
      const issues = body.data?.issues as { count: number; nodes: { reference: string }[] };
      expect(issues.count).toBe(issues.nodes.length);
      return issues.nodes.map((node) => node.reference);
    };
    expect(await refs('bob')).toContain(ref);
    expect(await refs('carol')).toContain(ref);
    for (const outsider of [null, 'erin', 'dave']) expect(await refs(outsider)).not.toContain(ref);
  });

  it('answers null for an unknown user and an error without a filter', async () => {
    const { body } = await as(null, '{ user(username: "nobody-here") { id } }', {});
    expect(body.data?.user).toBeNull();
    const unfiltered = await as(null, '{ issues { count } }', {});
    expect(unfiltered.body.errors?.[0]?.message).toMatch(/At least one filter/);
  });
});
