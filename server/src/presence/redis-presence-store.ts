import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';

import type { ViewerField } from './local-viewers.js';
import type { PresenceStore, PushClaim, StoredViewers } from './presence-store.js';
import { CHANGE, CLAIM_PUSH, READ_VIEWERS, RENEW, REPLACE } from './redis-scripts.js';

/** ioredis, loaded on first use: a process without REDIS_URL never loads it (~10 MB RSS less). */
const ioredis = () => (createRequire(import.meta.url)('ioredis') as typeof IORedis).Redis;

export interface RedisPresenceOptions {
  url: string;
  /** Prefix of every key (the deployment's `REDIS_CHANNEL_PREFIX`). */
  keyPrefix: string;
  /** How long this process's entries live without renewal (a crashed process's vanish after it). */
  ttlMs: number;
  /** At most one push per issue within this interval, across every process. */
  pushIntervalMs: number;
}

type Script = (keys: string[], args: (string | number)[]) => Promise<unknown>;

/**
 * Presence in Redis, shared by every process. Per issue: this process's counts in
 * `<prefix>presence:<issue>:p:<pid>` (a hash `u:<id>`/`anon` → count), the live processes in
 * `…:procs` (a sorted set by expiry), the change number in `…:meta` and the push slot in
 * `…:claim`. Every key expires `ttlMs` after its last renewal; each process renews its issues'
 * keys (see PresenceTracker), so a crashed process's counts expire and are no longer read.
 */
export class RedisPresenceStore implements PresenceStore {
  readonly pid = randomUUID();
  private readonly redis: Redis;
  private readonly scripts: Record<'change' | 'replace' | 'renew' | 'read' | 'claim', Script>;

  constructor(private readonly options: RedisPresenceOptions) {
    // Presence is best effort: a command fails within a second while Redis is away (the tracker
    // writes this process's counts again once renewals find them gone).
    this.redis = new (ioredis())(options.url, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.redis.on('error', () => undefined); // reconnects on its own
    const define = (name: string, lua: string, keys: number): Script => {
      this.redis.defineCommand(name, { lua, numberOfKeys: keys });
      const commands = this.redis as unknown as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      return (k, a) => commands[name]!.call(this.redis, ...k, ...a);
    };
    this.scripts = {
      change: define('presenceChange', CHANGE, 3),
      replace: define('presenceReplace', REPLACE, 3),
      renew: define('presenceRenew', RENEW, 3),
      read: define('presenceRead', READ_VIEWERS, 3),
      claim: define('presenceClaim', CLAIM_PUSH, 4),
    };
  }

  async change(issueId: number, deltas: ReadonlyMap<ViewerField, number>): Promise<number> {
    return Number(await this.scripts.change(this.keys(issueId), this.args(pairs(deltas))));
  }

  async replace(issueId: number, counts: ReadonlyMap<ViewerField, number>): Promise<number> {
    return Number(await this.scripts.replace(this.keys(issueId), this.args(pairs(counts))));
  }

  async renew(
    viewed: readonly number[],
    watched: readonly number[],
  ): Promise<{ expired: Map<number, number>; lost: number[] }> {
    const viewing = new Set(viewed);
    const issueIds = [...new Set([...viewed, ...watched])];
    const answers = await Promise.all(
      issueIds.map((id) =>
        this.scripts.renew(this.keys(id), this.args([viewing.has(id) ? '1' : '0'])),
      ),
    );
    const expired = new Map<number, number>();
    const lost: number[] = [];
    issueIds.forEach((id, i) => {
      const answer = Number(answers[i]);
      if (answer === -1) lost.push(id);
      else if (answer > 0) expired.set(id, answer);
    });
    return { expired, lost };
  }

  async claimPush(issueId: number, seq: number): Promise<PushClaim> {
    const answer = (await this.scripts.claim(
      [...this.keys(issueId), this.key(issueId, 'claim')],
      this.args([this.countsPrefix(issueId), seq, this.options.pushIntervalMs]),
    )) as (number | string)[];
    if (answer[0] === 0) return { kind: 'clean' };
    if (answer[0] === 1) return { kind: 'wait', ms: Number(answer[1]) };
    return { kind: 'push', viewers: viewersOf(answer.slice(1)) };
  }

  async read(issueId: number): Promise<StoredViewers> {
    const answer = (await this.scripts.read(
      this.keys(issueId),
      this.args([this.countsPrefix(issueId)]),
    )) as (number | string)[];
    return viewersOf(answer);
  }

  async clear(issueIds: readonly number[]): Promise<void> {
    if (issueIds.length === 0) return;
    await this.redis.del(...issueIds.map((id) => this.keys(id)[0]!));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private key(issueId: number, suffix: string): string {
    return `${this.options.keyPrefix}presence:${issueId}:${suffix}`;
  }

  private countsPrefix(issueId: number): string {
    return this.key(issueId, 'p:');
  }

  private keys(issueId: number): string[] {
    return [
      this.countsPrefix(issueId) + this.pid,
      this.key(issueId, 'procs'),
      this.key(issueId, 'meta'),
    ];
  }

  private args(rest: (string | number)[]): (string | number)[] {
    return [this.pid, this.options.ttlMs, ...rest];
  }
}

function pairs(counts: ReadonlyMap<ViewerField, number>): (string | number)[] {
  return [...counts].flat();
}

function viewersOf([seq, anonymous, ...userIds]: (number | string)[]): StoredViewers {
  return {
    version: Number(seq),
    anonymousCount: Number(anonymous),
    userIds: userIds.map(Number).sort((a, b) => a - b),
  };
}
