import { describe, expect, it, vi } from 'vitest';

import type { IssueRecord } from '../domain/types.js';

import { GraphqlTriggers } from './graphql-triggers.js';
import type { ActionCableSubscriptions } from './subscriptions/action-cable-subscriptions.js';
import { eventStream, topicFor } from './subscriptions/topic.js';

/** Implements the engine's `trigger` and records the calls. */
class RecordingEngine implements Pick<ActionCableSubscriptions, 'trigger'> {
  readonly calls: { field: string; args: Readonly<Record<string, unknown>>; object: unknown }[] =
    [];
  trigger(field: string, args: Readonly<Record<string, unknown>>, object: unknown): Promise<void> {
    this.calls.push({ field, args, object });
    return Promise.resolve();
  }
}

const issue: IssueRecord = {
  id: 42,
  projectId: 1,
  projectFullPath: 'gitlab-org/gitlab-test',
  projectVisibility: 'public',
  iid: 3,
  title: 'A title',
  description: null,
  state: 'opened',
  confidential: false,
  author: { id: 1, username: 'root', name: 'Administrator' },
  assignees: [{ id: 2, username: 'alice', name: 'Alice Liddell' }],
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-02T00:00:00Z'),
  updatedBy: null,
  labels: [],
  milestone: null,
  dueDate: null,
};

describe('GraphqlTriggers', () => {
  it('triggers issueUpdated once, keyed on the issue global ID, carrying the loaded issue', async () => {
    const engine = new RecordingEngine();
    await new GraphqlTriggers(engine).issueUpdated(issue);
    expect(engine.calls).toEqual([
      { field: 'issueUpdated', args: { issueId: 'gid://gitlab/Issue/42' }, object: issue },
    ]);
  });
});

describe('GraphqlTriggers#issuableAssigneesUpdated', () => {
  it("triggers GitLab's field keyed on issuableId", async () => {
    const engine = new RecordingEngine();
    await new GraphqlTriggers(engine).issuableAssigneesUpdated(issue);
    expect(engine.calls).toEqual([
      {
        field: 'issuableAssigneesUpdated',
        args: { issuableId: 'gid://gitlab/Issue/42' },
        object: issue,
      },
    ]);
  });
});

describe("GraphqlTriggers: GitLab's sidebar field events", () => {
  it.each([
    ['issuableLabelsUpdated'],
    ['issuableMilestoneUpdated'],
    ['issuableDatesUpdated'],
  ] as const)('%s triggers its field keyed on issuableId', async (field) => {
    const engine = new RecordingEngine();
    await new GraphqlTriggers(engine)[field](issue);
    expect(engine.calls).toEqual([
      { field, args: { issuableId: 'gid://gitlab/Issue/42' }, object: issue },
    ]);
  });
});

describe('GraphqlTriggers with the broadcast_issue_updates gate', () => {
  it('triggers nothing while the flag is off and again once it is on', async () => {
    const engine = new RecordingEngine();
    let enabled = false;
    const debug = vi.fn();
    const triggers = new GraphqlTriggers(engine, {
      broadcastEnabled: () => enabled,
      logger: { debug },
    });
    await triggers.issueUpdated(issue);
    await triggers.issuableAssigneesUpdated(issue);
    expect(engine.calls).toEqual([]);
    expect(debug).toHaveBeenCalledTimes(2);

    enabled = true;
    await triggers.issueUpdated(issue);
    expect(engine.calls.map((call) => call.field)).toEqual(['issueUpdated']);
  });
});

describe('topics', () => {
  it("follow graphql-ruby's format: sorted camelCase arguments, empty scope", () => {
    expect(topicFor('issueUpdated', { issueId: 'gid://gitlab/Issue/1' })).toBe(
      ':issueUpdated:issueId:gid://gitlab/Issue/1',
    );
    expect(topicFor('newsFlash', {})).toBe(':newsFlash:');
    expect(topicFor('event', { userId: 4, payloadType: 'one' })).toBe(
      ':event:payloadType:one:userId:4',
    );
    expect(eventStream(':newsFlash:')).toBe('graphql-event::newsFlash:');
    expect(eventStream(':newsFlash:', 'other:')).toBe('graphql-event:other::newsFlash:');
  });
});

describe('GraphqlTriggers#issueCreated', () => {
  it('announces a new issue like an update, on its own issueUpdated topic', async () => {
    const engine = new RecordingEngine();
    await new GraphqlTriggers(engine).issueCreated(issue);
    expect(engine.calls).toEqual([
      { field: 'issueUpdated', args: { issueId: 'gid://gitlab/Issue/42' }, object: issue },
    ]);
  });
});
