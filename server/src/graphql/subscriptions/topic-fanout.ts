import { execute, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';

import type { ChannelResult } from '@shared/graphql/channel.js';

import type { EngineStats } from './engine-stats.js';
import { resultJson } from './result-json.js';

/** Where one subscription's payloads go: the GraphqlChannel that executed it. */
export interface SubscriptionTransport {
  transmit(payload: ChannelResult): void;
  /** Sends a message already serialized as JSON (shared by every member of a group). */
  transmitSerialized(messageJson: string): void;
  /** Throws a GraphQLError naming the limit when it may hold no more subscriptions. */
  admitSubscription?(): void;
  /** The engine ended subscription `id` on its own (access lost): forget it. */
  subscriptionEnded?(id: string): void;
  /** The cable connection it belongs to (several channels may share one), for presence. */
  readonly connectionId?: string;
}

/** A live subscription as the fan-out sees it. */
export interface Member {
  readonly id: string;
  readonly context: unknown;
  readonly transport: SubscriptionTransport;
}

/** What every member of a group executes: equal documents, operations and variables. */
export interface GroupShape {
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
}

interface Group extends GroupShape {
  readonly members: Map<string, Member>;
  /** The message last executed for the group, and the root it was executed with. */
  last?: { root: unknown; json: string };
}

/**
 * Decides, once per event, which subscribers may receive it: called with every member's context
 * so the checks can be batched (one read for all viewers, not one each); returns a predicate:
 * `true` deliver, `false` the member may no longer see the topic (it is ended), `'skip'` not
 * this event (a topic of many objects, such as a project's issues, some hidden from it).
 */
export type EventAuthorizer = (
  event: unknown,
  contexts: readonly unknown[],
) => Promise<(context: unknown) => boolean | 'skip'>;

export interface FanoutDeps {
  schema: GraphQLSchema;
  stats: EngineStats;
  authorize: EventAuthorizer;
  logger: Logger;
  /** An event's version: one older than the last delivered is dropped. */
  versionOf: (event: unknown) => number | undefined;
}

/** A message held for a member whose first payload is not out yet. */
interface Held {
  json: string;
  version: number | undefined;
}

/**
 * The subscribers of one topic in this process, grouped by fingerprint. Events are delivered
 * one after another in arrival order; each group is executed once with the event as root value
 * and its serialized message written to every member, so the cost per trigger does not grow
 * with identical subscribers. A member added here waits (its events held, the latest kept) until
 * `ready()` says its first payload went out.
 *
 * Events carry whole states with a version (the issue's `updatedAt`): an event older than the
 * last one delivered on the topic is dropped, so however events from several processes race
 * through the pub/sub, no subscriber receives an older state after a newer one. (An equal
 * version is delivered: a change beside the issue's own fields, such as an assignee's status,
 * keeps the version.)
 */
export class TopicFanout {
  private readonly groups = new Map<string, Group>();
  /** Members whose first payload is not out yet, with the latest event message meanwhile. */
  private readonly waiting = new Map<string, Held | undefined>();
  /**
   * Live members whose first payload is newer than the last event delivered here (it read a
   * state whose event had not arrived yet): events older than that version are not theirs.
   */
  private readonly floors = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastVersion = -Infinity;

  constructor(private readonly deps: FanoutDeps) {}

  get memberCount(): number {
    let count = 0;
    for (const group of this.groups.values()) count += group.members.size;
    return count;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  add(fingerprint: string, member: Member, shape: GroupShape): void {
    let group = this.groups.get(fingerprint);
    if (!group) {
      group = { ...shape, members: new Map() };
      this.groups.set(fingerprint, group);
    }
    group.members.set(member.id, member);
    this.waiting.set(member.id, undefined);
  }

  /**
   * The member's first payload (of `version`) went out: sends the latest event held meanwhile
   * unless it is older (an equal one may carry a change beside the version, such as an
   * assignee's status), then the member is live.
   */
  ready(member: Member, version: number | undefined): void {
    const held = this.waiting.get(member.id);
    this.waiting.delete(member.id);
    if (version !== undefined && version > this.lastVersion) this.floors.set(member.id, version);
    if (!held) return;
    if (version !== undefined && held.version !== undefined && held.version < version) return;
    member.transport.transmitSerialized(held.json);
  }

  /** The message the group was last sent for exactly `root`, if any. */
  messageFor(fingerprint: string, root: unknown): string | undefined {
    const last = this.groups.get(fingerprint)?.last;
    return last !== undefined && last.root === root ? last.json : undefined;
  }

  /** Keeps `json`, executed with `root`, as the group's message for that root. */
  rememberMessage(fingerprint: string, root: unknown, json: string): void {
    const group = this.groups.get(fingerprint);
    if (group) group.last = { root, json };
  }

  /** Whether a state newer than `version` was delivered already (so `version` is stale). */
  hasDeliveredNewer(version: number | undefined): boolean {
    return version !== undefined && version < this.lastVersion;
  }

  /** Removes a member; true when the topic has no members left. */
  remove(fingerprint: string, id: string): boolean {
    this.waiting.delete(id);
    this.floors.delete(id);
    const group = this.groups.get(fingerprint);
    if (group?.members.delete(id) && group.members.size === 0) this.groups.delete(fingerprint);
    return this.groups.size === 0;
  }

  /**
   * Queues an event behind the ones before it and resolves once it is written, with the members
   * that may no longer see the topic: they got nothing of it, and the caller ends them.
   */
  deliver(event: unknown): Promise<Member[]> {
    const delivery = this.queue.then(() => this.dispatch(event));
    this.queue = delivery.catch(() => undefined);
    return delivery;
  }

  private async dispatch(event: unknown): Promise<Member[]> {
    const { stats } = this.deps;
    stats.eventsReceived += 1;
    const version = this.deps.versionOf(event);
    if (version !== undefined) {
      if (version < this.lastVersion) {
        stats.staleEvents += 1;
        return [];
      }
      this.lastVersion = version;
    }
    const groups = [...this.groups.values()];
    const contexts: unknown[] = [];
    for (const group of groups)
      for (const member of group.members.values()) contexts.push(member.context);
    const allowed = await this.deps.authorize(event, contexts);
    const denied: Member[] = [];
    let written = 0;
    for (const group of groups) {
      const readers: Member[] = [];
      for (const member of group.members.values()) {
        const verdict = allowed(member.context);
        if (verdict === true) readers.push(member);
        // A member whose first payload is not out yet is answered by that payload (its own
        // check, with the error the client expects); it is not ended here without one.
        else if (verdict === false && !this.waiting.has(member.id)) denied.push(member);
        else stats.skipped += 1;
      }
      const first = readers[0];
      if (!first) continue;
      const result = await execute({
        schema: this.deps.schema,
        document: group.document,
        operationName: group.operationName,
        variableValues: group.variables,
        contextValue: first.context,
        rootValue: event,
      });
      stats.executions += 1;
      const message: ChannelResult = { result: resultJson(result, this.deps.logger), more: true };
      const messageJson = JSON.stringify(message);
      group.last = { root: event, json: messageJson }; // a later member's first payload too
      for (const member of readers) {
        if (this.floors.size > 0 && this.belowFloor(member.id, version)) continue;
        if (this.waiting.has(member.id)) {
          this.waiting.set(member.id, { json: messageJson, version }); // events carry full states
        } else {
          member.transport.transmitSerialized(messageJson);
          stats.deliveries += 1;
        }
        // Thousands of socket writes in one tick would hold back pings, HTTP and other topics:
        // yield to the event loop between chunks (members that leave meanwhile get nothing).
        written += 1;
        if (written % WRITE_CHUNK === 0) await nextTurn();
      }
    }
    stats.denied += denied.length;
    return denied;
  }

  /** Whether `version` is older than the member's first payload (its floor ends once reached). */
  private belowFloor(id: string, version: number | undefined): boolean {
    const floor = this.floors.get(id);
    if (floor === undefined || version === undefined) return false;
    if (version < floor) return true;
    this.floors.delete(id);
    return false;
  }
}

/**
 * Socket writes per event-loop turn during a fan-out. Large on purpose: a yield lets the next
 * mutation's database work run before the rest of this fan-out, which measurably delayed the
 * following event's fan-out (request → fan-out start went from ~1 ms to 100-400 ms at 1k with
 * 500). 2,000 writes (~40-80 ms here) still keep pings (every 3 s) and HTTP responsive at 10k.
 */
export const WRITE_CHUNK = 2000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
