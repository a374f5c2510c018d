import type { GraphQLSchema } from 'graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';

import { withCorrelationId } from '../../logging/correlation.js';

import type { EngineStats } from './engine-stats.js';
import { decodeEvent } from './event-codec.js';
import { eventStream } from './topic.js';
import { TopicFanout, type EventAuthorizer, type GroupShape, type Member } from './topic-fanout.js';

/** A live subscription: who, on which topic, in which group. */
export interface Registration {
  readonly member: Member;
  readonly topic: string;
  readonly fingerprint: string;
}

interface Topic {
  readonly fanout: TopicFanout;
  /** The topic's one pub/sub subscription in this process (resolves once it is live). */
  readonly subscription: Promise<number>;
  /** Its id once live, so the last member's delete ends it at once. */
  subscriptionId?: number;
}

export interface RegistryDeps {
  schema: GraphQLSchema;
  pubsub: PubSubEngine;
  logger: Logger;
  stats: EngineStats;
  authorize: EventAuthorizer;
  /** Prefix of stream names (graphql-ruby's `namespace`). */
  namespace: string;
  /** Seconds from an event's arrival until its last frame was handed to the sockets. */
  onEventDelivered: (seconds: number) => void;
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
    const { member, topic: name } = registration;
    const topic = this.topics.get(name) ?? this.open(name);
    topic.fanout.add(registration.fingerprint, member, shape);
    this.registrations.set(member.id, registration);
    try {
      await topic.subscription;
    } catch (error) {
      this.delete(member.id);
      throw error;
    }
  }

  /** The member's first payload went out: it now receives events as they come. */
  ready(id: string): void {
    const registration = this.registrations.get(id);
    if (registration) this.topics.get(registration.topic)?.fanout.ready(registration.member);
  }

  /** Forgets a subscription; the topic's pub/sub subscription ends with its last member. */
  delete(id: string): void {
    const registration = this.registrations.get(id);
    if (!registration) return;
    this.registrations.delete(id);
    const topic = this.topics.get(registration.topic);
    if (!topic?.fanout.remove(registration.fingerprint, id)) return;
    this.topics.delete(registration.topic);
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

  private open(name: string): Topic {
    const fanout = new TopicFanout(this.deps);
    const subscription = this.deps.pubsub.subscribe(
      eventStream(name, this.deps.namespace),
      (payload: string) => this.receive(name, fanout, payload),
      {},
    );
    const topic: Topic = { fanout, subscription };
    subscription.then(
      (id) => (topic.subscriptionId = id),
      () => undefined, // each member's add() reports it
    );
    this.topics.set(name, topic);
    return topic;
  }

  private receive(name: string, fanout: TopicFanout, payload: string): void {
    const receivedAt = performance.now();
    const event = decodeEvent(payload); // decoded once per event
    // The delivery runs under the triggering request's correlation id, so its log lines (on
    // every process) can be joined with the mutation's.
    void withCorrelationId(event.correlationId, () =>
      fanout.deliver(event.object).then(
        (denied) => {
          for (const member of denied) this.end(member);
          const seconds = (performance.now() - receivedAt) / 1000;
          this.deps.onEventDelivered(seconds);
          this.deps.logger.info(
            { topic: name, subscribers: fanout.memberCount, duration_s: seconds },
            'push',
          );
        },
        (error: unknown) =>
          this.deps.logger.error({ err: error, topic: name }, 'event delivery failed'),
      ),
    );
  }

  /** Ends a subscription whose subscriber may no longer see its topic: `{"more":false}`, no data. */
  private end(member: Member): void {
    const registration = this.registrations.get(member.id);
    if (!registration) return;
    this.deps.logger.info(
      { subscriptionId: member.id, topic: registration.topic },
      'subscription ended: access lost',
    );
    member.transport.transmit({ more: false });
    this.delete(member.id);
  }
}
