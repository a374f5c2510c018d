import { buildSchema, parse } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import type { ChannelResult } from '@shared/graphql/channel.js';

import { EngineStats } from './engine-stats.js';
import { TopicFanout, type Member } from './topic-fanout.js';

/**
 * Ordering inside one topic (issue #15 item 4): events carry whole states with a version, and no
 * member is ever sent an older state after a newer one, whatever order events arrive in.
 */

/** An event: a whole state (`s`, what the document selects) and its version. */
interface State {
  s: string;
  v: number;
}

const schema = buildSchema('type Query { x: Int } type Subscription { s: String }');
const shape = { document: parse('subscription { s }'), operationName: undefined, variables: {} };

function fanout(): { fanout: TopicFanout; stats: EngineStats } {
  const stats = new EngineStats();
  const topic = new TopicFanout({
    schema,
    stats,
    authorize: () => Promise.resolve(() => true),
    logger: pino({ level: 'silent' }),
    versionOf: (event) => (event as State).v,
  });
  return { fanout: topic, stats };
}

/** A member that records the `s` of every payload it is sent. */
function member(id: string): Member & { received: string[] } {
  const received: string[] = [];
  const record = (message: ChannelResult) =>
    received.push((message.result?.data as { s: string }).s);
  return {
    id,
    context: {},
    received,
    transport: {
      transmit: record,
      transmitSerialized: (json) => record(JSON.parse(json) as ChannelResult),
    },
  };
}

function live(topic: TopicFanout, id: string, firstVersion: number | undefined) {
  const m = member(id);
  topic.add('group', m, shape);
  topic.ready(m, firstVersion);
  return m;
}

describe('TopicFanout ordering', () => {
  it('drops an event older than the last delivered, and delivers equal and newer ones', async () => {
    const { fanout: topic, stats } = fanout();
    const viewer = live(topic, 'a', 1);
    await topic.deliver({ s: 'v3', v: 3 });
    await topic.deliver({ s: 'v2', v: 2 }); // raced through the pub/sub behind v3
    // A change beside the issue's own fields (an assignee's status) keeps its version.
    await topic.deliver({ s: 'v3 status', v: 3 });
    await topic.deliver({ s: 'v4', v: 4 });
    expect(viewer.received).toEqual(['v3', 'v3 status', 'v4']);
    expect(stats.staleEvents).toBe(1);
  });

  it('does not send a held event older than the first payload after it', async () => {
    const { fanout: topic } = fanout();
    const viewer = member('a');
    topic.add('group', viewer, shape);
    await topic.deliver({ s: 'v5', v: 5 }); // held: the first payload is not out yet
    topic.ready(viewer, 6); // the first payload read v6
    await topic.deliver({ s: 'v7', v: 7 });
    expect(viewer.received).toEqual(['v7']);
  });

  it('sends a held event that is newer than or as new as the first payload after it', async () => {
    const { fanout: topic } = fanout();
    const [newer, equal] = [member('a'), member('b')];
    topic.add('group', newer, shape);
    topic.add('group', equal, shape);
    await topic.deliver({ s: 'v8', v: 8 });
    topic.ready(newer, 7);
    topic.ready(equal, 8); // v8 may carry a status change the first payload's read missed
    expect(newer.received).toEqual(['v8']);
    expect(equal.received).toEqual(['v8']);
  });

  it('never sends a member an event older than its first payload, even when the topic is behind', async () => {
    const { fanout: topic } = fanout();
    const early = live(topic, 'early', 10);
    await topic.deliver({ s: 'v10', v: 10 });
    // A late joiner's first payload read v12 before the events of v11 and v12 arrived here.
    const late = live(topic, 'late', 12);
    await topic.deliver({ s: 'v11', v: 11 });
    await topic.deliver({ s: 'v12', v: 12 });
    await topic.deliver({ s: 'v13', v: 13 });
    expect(early.received).toEqual(['v10', 'v11', 'v12', 'v13']);
    expect(late.received).toEqual(['v12', 'v13']);
  });

  it('delivers unversioned events in arrival order', async () => {
    const topic = new TopicFanout({
      schema,
      stats: new EngineStats(),
      authorize: () => Promise.resolve(() => true),
      logger: pino({ level: 'silent' }),
      versionOf: () => undefined,
    });
    const viewer = live(topic, 'a', undefined);
    await topic.deliver({ s: 'b', v: 2 });
    await topic.deliver({ s: 'a', v: 1 });
    expect(viewer.received).toEqual(['b', 'a']);
  });
});
