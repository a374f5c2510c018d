import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ChannelResult } from '@shared/graphql/channel.js';
import {
  IssuableAssigneesUpdatedDocument,
  IssueUpdatedDocument,
} from '@shared/graphql/generated/operations.js';

import { deferred } from '../../../test/deferred.js';
import { openSeededFixture, type SeededFixture } from '../../db/test-fixture.js';
import type { IssueRepository } from '../../domain/repository.js';
import type { IssueRecord } from '../../domain/types.js';
import { MemoryAdapter } from '../../pubsub/memory-adapter.js';
import { ANONYMOUS } from '../../permissions/principal.js';
import { createGraphQLContext, type ContextServices, type GraphQLContext } from '../context.js';
import { GraphqlTriggers } from '../graphql-triggers.js';
import { buildSchema } from '../schema.js';

import {
  ActionCableSubscriptions,
  type SubscriptionTransport,
} from './action-cable-subscriptions.js';

/** Records what the engine sends to one subscriber; resolves waiters as payloads arrive. */
class RecordingTransport implements SubscriptionTransport {
  readonly payloads: ChannelResult[] = [];
  readonly serialized: string[] = [];
  private waiters: (() => void)[] = [];

  transmit(payload: ChannelResult): void {
    this.payloads.push(payload);
    this.wake();
  }

  transmitSerialized(messageJson: string): void {
    this.serialized.push(messageJson);
    this.payloads.push(JSON.parse(messageJson) as ChannelResult);
    this.wake();
  }

  async waitFor(count: number): Promise<void> {
    while (this.payloads.length < count)
      await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters.splice(0);
    for (const waiter of waiters) waiter();
  }
}

/** Counts calls on a real repository (reads vs the one write method). */
function countingRepository(inner: IssueRepository): {
  repository: IssueRepository;
  reads: () => number;
} {
  let reads = 0;
  const repository = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property !== 'updateAssignees') reads += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { repository, reads: () => reads };
}

let fixture: SeededFixture;
beforeAll(async () => {
  fixture = await openSeededFixture();
});
afterAll(() => fixture.database.close());

function setup(repository: IssueRepository = fixture.database.repository) {
  const adapter = new MemoryAdapter();
  const engine = new ActionCableSubscriptions(buildSchema(), adapter, pino({ level: 'silent' }));
  const services = { repository, identity: fixture.database.identity } as ContextServices;
  const context: GraphQLContext = createGraphQLContext(services, ANONYMOUS);
  return { adapter, engine, context, triggers: new GraphqlTriggers(engine) };
}

const subscriptionQuery = print(IssueUpdatedDocument);
const execute = (issueId: string, query = subscriptionQuery) => ({
  query,
  variables: { issueId },
  action: 'execute',
});
const withAssignees = (issue: IssueRecord, usernames: string[]): IssueRecord => ({
  ...issue,
  assignees: usernames.map((username, i) => ({ id: 100 + i, username, name: username })),
});

describe('shared execution', () => {
  it('serves 1,000 identical subscribers with 1 execution, 0 reads and the same bytes', async () => {
    const counted = countingRepository(fixture.database.repository);
    const { engine, context, triggers } = setup(counted.repository);
    const issue = await fixture.issue(15);
    const transports = Array.from({ length: 1000 }, () => new RecordingTransport());
    for (const transport of transports) {
      await engine.runOperation(execute('gid://gitlab/Issue/' + issue.id), context, transport);
    }
    expect(engine.groupCount).toBe(1);
    const before = { ...engine.stats, reads: counted.reads() };

    await triggers.issueUpdated(withAssignees(issue, ['bob']));
    await Promise.all(transports.map((t) => t.waitFor(2)));

    // issueUpdated and the project's list event (projectIssuesUpdated, nobody listening here).
    expect(engine.stats.publishes - before.publishes).toBe(2);
    expect(engine.stats.executions - before.executions).toBe(1);
    expect(engine.stats.deliveries - before.deliveries).toBe(1000);
    expect(counted.reads() - before.reads).toBe(0);
    const bytes = transports.map((t) => t.serialized[0]);
    expect(new Set(bytes).size).toBe(1); // one serialization, written to everyone
    expect(JSON.parse(bytes[0] as string)).toMatchObject({
      more: true,
      result: { data: { issueUpdated: { assignees: { nodes: [{ username: 'bob' }] } } } },
    });
  });

  it('executes once per distinct document on a topic, and not at all for other topics', async () => {
    const { engine, context, triggers } = setup();
    const issue = await fixture.issue(16);
    const narrow =
      'subscription narrow($issueId: IssueID!) { issueUpdated(issueId: $issueId) { id } }';
    const [a, b, c, other] = [
      new RecordingTransport(),
      new RecordingTransport(),
      new RecordingTransport(),
      new RecordingTransport(),
    ];
    await engine.runOperation(execute(`gid://gitlab/Issue/${issue.id}`), context, a);
    await engine.runOperation(execute(`gid://gitlab/Issue/${issue.id}`), context, b);
    await engine.runOperation(execute(`gid://gitlab/Issue/${issue.id}`, narrow), context, c);
    await engine.runOperation(execute('gid://gitlab/Issue/1'), context, other);
    expect(engine.groupCount).toBe(3);

    const executions = engine.stats.executions;
    await triggers.issueUpdated(withAssignees(issue, ['carol']));
    await Promise.all([a, b, c].map((t) => t.waitFor(2)));
    expect(engine.stats.executions - executions).toBe(2);
    expect(c.payloads[1]).toEqual({
      result: { data: { issueUpdated: { id: `gid://gitlab/Issue/${issue.id}` } } },
      more: true,
    });
    expect(other.payloads).toHaveLength(1); // its topic had no event
  });

  it("serves GitLab's issuableAssigneesUpdated document through the Issuable union", async () => {
    const { engine, context, triggers } = setup();
    const issue = await fixture.issue(17);
    const transport = new RecordingTransport();
    const gid = `gid://gitlab/Issue/${issue.id}`;
    await engine.runOperation(
      {
        query: print(IssuableAssigneesUpdatedDocument),
        variables: { issuableId: gid },
        action: 'execute',
      },
      context,
      transport,
    );
    expect(transport.payloads[0]).toMatchObject({
      more: true,
      result: { data: { issuableAssigneesUpdated: { id: gid } } },
    });
    await triggers.issuableAssigneesUpdated(withAssignees(issue, ['dave']));
    await transport.waitFor(2);
    expect(transport.payloads[1]).toMatchObject({
      result: {
        data: {
          issuableAssigneesUpdated: { id: gid, assignees: { nodes: [{ username: 'dave' }] } },
        },
      },
    });
  });
});

describe('races', () => {
  it('delivers an event that arrives while the initial state is being read, after the initial payload', async () => {
    const gate = deferred();
    const reading = deferred();
    const real = fixture.database.repository;
    const slow: IssueRepository = {
      ...real,
      findIssueById: async (id) => {
        reading.resolve();
        await gate.promise; // the initial read is in flight…
        return real.findIssueById(id);
      },
    };
    const { engine, context, triggers } = setup(slow);
    const issue = await fixture.issue(18);
    const transport = new RecordingTransport();
    const executed = engine.runOperation(
      execute(`gid://gitlab/Issue/${issue.id}`),
      context,
      transport,
    );
    await reading.promise;
    await triggers.issueUpdated(withAssignees(issue, ['alice', 'bob'])); // …when a change lands
    gate.resolve();
    await executed;
    await transport.waitFor(2);
    const usernames = (payload: ChannelResult | undefined) =>
      (
        payload?.result?.data?.issueUpdated as { assignees: { nodes: { username: string }[] } }
      ).assignees.nodes.map((n) => n.username);
    // The initial payload first, then the event: the client ends on the newest state.
    expect(usernames(transport.payloads[1])).toEqual(['alice', 'bob']);
    expect(transport.payloads).toHaveLength(2);
  });

  it('never loses a trigger fired right after the initial payload', async () => {
    const { engine, context, triggers } = setup();
    const issue = await fixture.issue(19);
    for (let round = 0; round < 25; round++) {
      const transport = new RecordingTransport();
      const id = await engine.runOperation(
        execute(`gid://gitlab/Issue/${issue.id}`),
        context,
        transport,
      );
      await triggers.issueUpdated(withAssignees(issue, [`user${round}`]));
      await transport.waitFor(2);
      expect(transport.payloads[1]?.result?.data?.issueUpdated).toMatchObject({
        assignees: { nodes: [{ username: `user${round}` }] },
      });
      engine.delete(id as string);
    }
  });
});

describe('cleanup', () => {
  it('frees groups, topics and pub/sub listeners when the last subscriber leaves', async () => {
    const { engine, context, adapter } = setup();
    const ids: string[] = [];
    for (const n of [1, 2, 3, 1]) {
      ids.push(
        (await engine.runOperation(
          execute(`gid://gitlab/Issue/${n}`),
          context,
          new RecordingTransport(),
        )) as string,
      );
    }
    expect([engine.size, engine.topicCount, engine.groupCount, adapter.subscriptionCount]).toEqual([
      4, 3, 3, 3,
    ]);
    for (const id of ids) engine.delete(id);
    expect([engine.size, engine.topicCount, engine.groupCount, adapter.subscriptionCount]).toEqual([
      0, 0, 0, 0,
    ]);
  });
});
