import { createRequire } from 'node:module';

import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from 'rate-limiter-flexible';

/** ioredis, loaded on first use: a process without REDIS_URL never loads it (~10 MB RSS less). */
const ioredis = () => (createRequire(import.meta.url)('ioredis') as typeof IORedis).Redis;

const USERNAME_LIMIT = { points: 5, duration: 15 * 60 };
const IP_LIMIT = { points: 20, duration: 15 * 60 };

/**
 * Slows down password guessing: after 5 failed sign-ins for one username (or 20 from one IP)
 * within 15 minutes, further attempts are refused until the window passes. A success clears the
 * username's count. Counts live in Redis when the processes share one (`REDIS_URL`), so N
 * processes do not give an attacker N times the attempts; else in this process. When Redis
 * fails, each process counts on its own meanwhile (rate-limiter-flexible's insurance limiter)
 * rather than refusing every sign-in.
 */
export class SignInThrottle {
  private readonly byUsername: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  private constructor(
    make: (name: string, limit: typeof USERNAME_LIMIT) => RateLimiterAbstract,
    private readonly redis?: Redis,
  ) {
    this.byUsername = make('username', USERNAME_LIMIT);
    this.byIp = make('ip', IP_LIMIT);
  }

  /** Counts in this process (one process, or tests). */
  static inProcess(): SignInThrottle {
    return new SignInThrottle((_name, limit) => new RateLimiterMemory(limit));
  }

  /** Counts in Redis at `url`, shared by every process using the same `keyPrefix`. */
  static shared(url: string, keyPrefix: string): SignInThrottle {
    const redis = new (ioredis())(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => {}); // reconnects on its own; the insurance limiter covers the gap
    return new SignInThrottle(
      (name, limit) =>
        new RateLimiterRedis({
          ...limit,
          storeClient: redis,
          keyPrefix: `${keyPrefix}sign-in:${name}`,
          insuranceLimiter: new RateLimiterMemory(limit),
        }),
      redis,
    );
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed. */
  async retryAfter(username: string, ip: string): Promise<number> {
    const [user, address] = await Promise.all([
      this.byUsername.get(key(username)),
      this.byIp.get(ip),
    ]);
    const blocked = [user, address].filter(
      (state): state is RateLimiterRes => state !== null && state.remainingPoints <= 0,
    );
    if (blocked.length === 0) return 0;
    return Math.max(...blocked.map((state) => Math.ceil(state.msBeforeNext / 1000)), 1);
  }

  async failed(username: string, ip: string): Promise<void> {
    // consume rejects once the points are spent; that is the state retryAfter reads, not an error.
    await Promise.allSettled([this.byUsername.consume(key(username)), this.byIp.consume(ip)]);
  }

  async succeeded(username: string): Promise<void> {
    await this.byUsername.delete(key(username));
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

function key(username: string): string {
  return username.trim().toLowerCase();
}
