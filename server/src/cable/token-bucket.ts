/**
 * A token bucket: `burst` tokens, refilled at `perSecond`; each frame takes one. Synchronous and
 * timer-free (refilled from the clock when asked), so a per-connection limit costs two numbers
 * and no promise per frame, which a keyed limiter (rate-limiter-flexible) would.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now = performance.now(),
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  /** Takes a token; false when none is left (the caller is over the rate). */
  take(now = performance.now()): boolean {
    const elapsedSeconds = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsedSeconds * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
