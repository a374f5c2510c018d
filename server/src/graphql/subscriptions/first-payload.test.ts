import type { GraphQLObjectType } from 'graphql';
import { print, type GraphQLFieldResolver } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { IssueUpdatedDocument } from '@shared/graphql/generated/operations.js';

import { openSeededFixture, type SeededFixture } from '../../db/test-fixture.js';
import type { IssueRecord } from '../../domain/types.js';
import { MemoryAdapter } from '../../pubsub/memory-adapter.js';
import { ANONYMOUS } from '../../permissions/principal.js';
import { createGraphQLContext, type ContextServices } from '../context.js';
import { GraphqlTriggers } from '../graphql-triggers.js';
import { issueTopicState } from '../issue-topic-state.js';
import { buildSchema } from '../schema.js';

import { ActionCableSubscriptions } from './action-cable-subscriptions.js';
import { LatestState } from './topic-state.js';

/**
 * First payloads from the topic's latest state: the subscribers of one issue that arrive while
 * it is fresh share one read and one execution (and the same bytes); an event's state is the
 * next subscribers' first payload without a read; with nothing announced (the broadcast flag
 * off) every subscriber reads.
 */
let fixture: SeededFixture;
beforeAll(async () => {
  fixture = await openSeededFixture();
});
afterAll(() => fixture.database.close());

function setup() {
  const repository = fixture.database.repository;
  const counts = { reads: 0, executions: 0, announced: true };
  const schema = buildSchema();
  // Every execution of the sidebar's document resolves Issue.id once.
  const id = (schema.getType('Issue') as GraphQLObjectType).getFields().id;
  if (!id?.resolve) throw new Error('Issue.id has no resolver');
  const resolve = id.resolve as GraphQLFieldResolver<unknown, unknown>;
  id.resolve = (...args) => {
    counts.executions += 1;
    return resolve(...args);
  };
  const state = issueTopicState(
    {
      findIssueById: (issueId) => {
        counts.reads += 1;
        return repository.findIssueById(issueId);
      },
      findProjectByFullPath: (path) => repository.findProjectByFullPath(path),
    },
    { current: () => Promise.resolve(null) },
    () => counts.announced,
    60_000, // however slow this machine, the subscribers below arrive within it
  );
  const engine = new ActionCableSubscriptions(
    schema,
    new MemoryAdapter(),
    pino({ level: 'silent' }),
    {
      state,
    },
  );
  const context = createGraphQLContext(
    { repository, identity: fixture.database.identity } as ContextServices,
    ANONYMOUS,
  );
  return { engine, context, counts, triggers: new GraphqlTriggers(engine) };
}

/** Subscribes as a client that records its frames (serialized, as they would go out). */
async function subscribe(
  { engine, context }: ReturnType<typeof setup>,
  issue: IssueRecord,
): Promise<string[]> {
  const frames: string[] = [];
  await engine.runOperation(
    {
      query: print(IssueUpdatedDocument),
      variables: { issueId: `gid://gitlab/Issue/${issue.id}` },
      action: 'execute',
    },
    context,
    {
      transmit: (payload) => frames.push(JSON.stringify(payload)),
      transmitSerialized: (json) => frames.push(json),
    },
  );
  return frames;
}

describe('first payloads from the latest state', () => {
  it('100 subscribers of one issue: one read, one execution, the same bytes', async () => {
    const engine = setup();
    const issue = await fixture.issue(3);
    const firsts: string[] = [];
    for (let i = 0; i < 100; i += 1) firsts.push(...(await subscribe(engine, issue)));
    expect(engine.counts).toMatchObject({ reads: 1, executions: 1 });
    expect(new Set(firsts).size).toBe(1);
    expect(JSON.parse(firsts[0] as string)).toMatchObject({
      more: true,
      result: { data: { issueUpdated: { id: `gid://gitlab/Issue/${issue.id}` } } },
    });
  });

  it("after an event, the next subscriber starts from the event's state, with no read", async () => {
    const engine = setup();
    const issue = await fixture.issue(4);
    const first = await subscribe(engine, issue);
    const changed: IssueRecord = {
      ...issue,
      title: 'Changed by an event',
      updatedAt: new Date(issue.updatedAt.getTime() + 1000),
    };
    await engine.triggers.issueUpdated(changed);
    const reads = engine.counts.reads;
    const executions = engine.counts.executions;
    const next = await subscribe(engine, issue);
    expect(engine.counts.reads).toBe(reads);
    expect(engine.counts.executions).toBe(executions); // the event's message, as sent
    expect(JSON.parse(next[0] as string)).toMatchObject({
      result: { data: { issueUpdated: { title: 'Changed by an event' } } },
    });
    expect(first).toHaveLength(2); // its first payload, then the event
    expect(first[1]).toBe(next[0]);
  });

  it('with changes not announced, every subscriber reads', async () => {
    const engine = setup();
    engine.counts.announced = false;
    const issue = await fixture.issue(5);
    for (let i = 0; i < 3; i += 1) await subscribe(engine, issue);
    expect(engine.counts.reads).toBe(3);
  });
});

describe('LatestState', () => {
  it('is fresh for its age, keeps the newest version, and takes an equal one', () => {
    const latest = new LatestState();
    expect(latest.fresh(1000, 0)).toBeUndefined();
    latest.remember('v2', 2, 100);
    expect(latest.fresh(1000, 1100)).toBe('v2');
    expect(latest.fresh(1000, 1101)).toBeUndefined();
    expect(latest.fresh(0, 100)).toBeUndefined();
    latest.remember('v1', 1, 200); // a read that started before the event it raced
    expect(latest.fresh(1000, 300)).toBe('v2');
    latest.remember('v2 again', 2, 300); // same version, a change beside it (a status)
    expect(latest.fresh(1000, 300)).toBe('v2 again');
  });
});
