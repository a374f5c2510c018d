import type { GraphQLSchema } from 'graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';

import { withCorrelationId } from '../../logging/correlation.js';

import type { EngineStats } from './engine-stats.js';
import { decodeEvent } from './event-codec.js';
import type { TopicDescriptor } from './operation-topic.js';
import { LatestState, type TopicState } from './topic-state.js';
import { eventStream } from './topic.js';
import { TopicFanout, type EventAuthorizer, type GroupShape, type Member } from './topic-fanout.js';

/** A live subscription: who, on which topic, in which group. */
export interface Registration {
  readonly member: Member;
  readonly topic: TopicDescriptor;
  readonly fingerprint: string;
}

interface Topic {
  readonly descriptor: TopicDescriptor;
  readonly fanout: TopicFanout;
  /** The topic's one pub/sub subscription in this process (resolves once it is live). */
  readonly subscription: Promise<number>;
  /** Its id once live, so the last member's delete ends it at once. */
  subscriptionId?: number;
  /** What its last event carried, or its last read (first payloads may share it). */
  readonly latest: LatestState;
}

/**
 * Told when a subscription goes live (its first payload went out) and when a live one ends, for
 * any reason: unsubscribe, a closed connection, or access lost. Presence counts viewers with it.
 */
export interface SubscriptionObserver {
  started(topic: TopicDescriptor, member: Member): void;
  ended(topic: TopicDescriptor, member: Member): void;
}

export interface RegistryDeps {
  schema: GraphQLSchema;
  pubsub: PubSubEngine;
  logger: Logger;
  stats: EngineStats;
  authorize: EventAuthorizer;
  /** Reads topics' current objects for resyncs; orders events by version. */
  state: TopicState | undefined;
  /** Prefix of stream names (graphql-ruby's `namespace`). */
  namespace: string;
  /** Seconds from an event's arrival until its last frame was handed to the sockets. */
  onEventDelivered: (seconds: number) => void;
  observer: SubscriptionObserver | undefined;
}

/**
 * The live subscriptions of this process, by id and by topic. A topic has one pub/sub
 * subscription while it has members; its events go straight down one line: pub/sub handler →
 * the topic's fan-out → each member's channel → socket. Members the fan-out reports as denied
 * are ended here with `{"more":false}`.
 */
export class SubscriptionRegistry {
  private readonly registrations = new Map<string, Registration>();
  private readonly topics = new Map<string, Topic>();
  /** Ids whose first payload went out (the observer was told they started). */
  private readonly live = new Set<string>();

  constructor(private readonly deps: RegistryDeps) {}

  get size(): number {
    return this.registrations.size;
  }

  get topicCount(): number {
    return this.topics.size;
  }

  get groupCount(): number {
    let count = 0;
    for (const { fanout } of this.topics.values()) count += fanout.groupCount;
    return count;
  }

  get largestTopicSize(): number {
    let largest = 0;
    for (const { fanout } of this.topics.values()) largest = Math.max(largest, fanout.memberCount);
    return largest;
  }

  /**
   * Files a member under its topic and group; resolves once the topic's events reach it. Until
   * `ready()` its events are held (the latest kept), so the first payload can go out first.
   */
  async add(registration: Registration, shape: GroupShape): Promise<void> {
    const { member, topic: descriptor } = registration;
    const topic = this.topics.get(descriptor.name) ?? this.open(descriptor);
    topic.fanout.add(registration.fingerprint, member, shape);
    this.registrations.set(member.id, registration);
    try {
      await topic.subscription;
    } catch (error) {
      this.delete(member.id);
      throw error;
    }
  }

  /** The member's first payload (of `version`) went out: it now receives events as they come. */
  ready(id: string, version: number | undefined): void {
    const registration = this.registrations.get(id);
    if (!registration) return;
    this.topics.get(registration.topic.name)?.fanout.ready(registration.member, version);
    this.live.add(id);
    this.deps.observer?.started(registration.topic, registration.member);
  }

  /**
   * The topic's object now, for a first payload of a member added already (its events reach it):
   * the latest state while the TopicState lets it be shared (`sharedFor`), else a read.
   */
  async current(descriptor: TopicDescriptor): Promise<unknown> {
    const { state } = this.deps;
    if (!state) return undefined;
    // A turn first, as the read it replaces waits one: one connection's queued executes never
    // run back to back in one turn, and the state taken is the latest.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const topic = this.topics.get(descriptor.name);
    const shared = topic?.latest.fresh(state.sharedFor?.(descriptor) ?? 0);
    if (shared !== undefined) return shared;
    const startedAt = performance.now();
    const object = await state.current(descriptor);
    if (this.topics.get(descriptor.name) === topic)
      topic?.latest.remember(object, state.versionOf(object), startedAt);
    return object;
  }

  /** The fan-out and group of a registered member (its first payload may share their message). */
  groupOf(id: string): { fanout: TopicFanout; fingerprint: string } | undefined {
    const registration = this.registrations.get(id);
    const fanout = registration && this.topics.get(registration.topic.name)?.fanout;
    return fanout && { fanout, fingerprint: registration.fingerprint };
  }

  /**
   * After a pub/sub gap (events may have been lost): every topic of this process is read once
   * and its current state delivered like an event, so every viewer converges. The state is
   * delivered even when its version was delivered before: a change beside the version (an
   * assignee's status keeps the issue's `updatedAt`) may be what was lost.
   */
  async resyncAll(): Promise<void> {
    const { state } = this.deps;
    if (!state) return;
    await Promise.all(
      [...this.topics.values()].map(async (topic) => {
        try {
          const object = await state.current(topic.descriptor);
          if (object === null || this.topics.get(topic.descriptor.name) !== topic) return;
          if (topic.fanout.hasDeliveredNewer(state.versionOf(object))) return; // read raced
          this.deps.stats.resyncs += 1;
          topic.latest.remember(object, state.versionOf(object));
          await this.deliver(topic, object, performance.now());
        } catch (error) {
          this.deps.logger.error({ err: error, topic: topic.descriptor.name }, 'resync failed');
        }
      }),
    );
  }

  /** Forgets a subscription; the topic's pub/sub subscription ends with its last member. */
  delete(id: string): void {
    const registration = this.registrations.get(id);
    if (!registration) return;
    this.registrations.delete(id);
    if (this.live.delete(id)) this.deps.observer?.ended(registration.topic, registration.member);
    const topic = this.topics.get(registration.topic.name);
    if (!topic?.fanout.remove(registration.fingerprint, id)) return;
    this.topics.delete(registration.topic.name);
    if (topic.subscriptionId !== undefined) {
      this.deps.pubsub.unsubscribe(topic.subscriptionId);
      return;
    }
    topic.subscription.then(
      (subscriptionId: number) => {
        this.deps.pubsub.unsubscribe(subscriptionId);
      },
      () => undefined, // it never started: nothing to end
    );
  }

  private open(descriptor: TopicDescriptor): Topic {
    const fanout = new TopicFanout({
      ...this.deps,
      versionOf: (event) => this.deps.state?.versionOf(event),
    });
    const topic: Topic = {
      descriptor,
      fanout,
      latest: new LatestState(),
      subscription: this.deps.pubsub.subscribe(
        eventStream(descriptor.name, this.deps.namespace),
        (payload: string) => this.receive(topic, payload),
        {},
      ),
    };
    topic.subscription.then(
      (id) => (topic.subscriptionId = id),
      () => undefined, // each member's add() reports it
    );
    this.topics.set(descriptor.name, topic);
    return topic;
  }

  private receive(topic: Topic, payload: string): void {
    const receivedAt = performance.now();
    const event = decodeEvent(payload); // decoded once per event
    // Before the delivery: a subscriber that arrives while it runs starts from this state.
    topic.latest.remember(event.object, this.deps.state?.versionOf(event.object), receivedAt);
    // The delivery runs under the triggering request's correlation id, so its log lines (on
    // every process) can be joined with the mutation's.
    void withCorrelationId(event.correlationId, () =>
      this.deliver(topic, event.object, receivedAt).catch((error: unknown) =>
        this.deps.logger.error(
          { err: error, topic: topic.descriptor.name },
          'event delivery failed',
        ),
      ),
    );
  }

  private async deliver(topic: Topic, object: unknown, receivedAt: number): Promise<void> {
    const denied = await topic.fanout.deliver(object);
    for (const member of denied) this.end(member);
    const seconds = (performance.now() - receivedAt) / 1000;
    this.deps.onEventDelivered(seconds);
    this.deps.logger.info(
      { topic: topic.descriptor.name, subscribers: topic.fanout.memberCount, duration_s: seconds },
      'push',
    );
  }

  /** Ends a subscription whose subscriber may no longer see its topic: `{"more":false}`, no data. */
  private end(member: Member): void {
    const registration = this.registrations.get(member.id);
    if (!registration) return;
    this.deps.logger.info(
      { subscriptionId: member.id, topic: registration.topic.name },
      'subscription ended: access lost',
    );
    member.transport.transmit({ more: false });
    this.delete(member.id);
    member.transport.subscriptionEnded?.(member.id);
  }
}
