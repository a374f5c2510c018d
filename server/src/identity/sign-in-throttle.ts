import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Slows down password guessing: after 5 failed sign-ins for one username (or 20 from one IP)
 * within 15 minutes, further attempts are refused until the window passes. A success clears the
 * username's count. Counts live in this process (rate-limiter-flexible's memory store).
 */
export class SignInThrottle {
  private readonly byUsername = new RateLimiterMemory({ points: 5, duration: 15 * 60 });
  private readonly byIp = new RateLimiterMemory({ points: 20, duration: 15 * 60 });

  /** Seconds to wait before another attempt, or 0 when one is allowed. */
  async retryAfter(username: string, ip: string): Promise<number> {
    const [user, address] = await Promise.all([
      this.byUsername.get(key(username)),
      this.byIp.get(ip),
    ]);
    const blocked = [user, address].filter((state) => state !== null && state.remainingPoints <= 0);
    if (blocked.length === 0) return 0;
    return Math.max(...blocked.map((state) => Math.ceil((state?.msBeforeNext ?? 0) / 1000)), 1);
  }

  async failed(username: string, ip: string): Promise<void> {
    // consume rejects once the points are spent; that is the state retryAfter reads, not an error.
    await Promise.allSettled([this.byUsername.consume(key(username)), this.byIp.consume(ip)]);
  }

  async succeeded(username: string): Promise<void> {
    await this.byUsername.delete(key(username));
  }
}

function key(username: string): string {
  return username.trim().toLowerCase();
}
