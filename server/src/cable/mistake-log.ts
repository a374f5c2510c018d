import type { Logger } from 'pino';

/**
 * Logs a connection's client mistakes (malformed frames, unknown actions or identifiers) at
 * warn, sampled: the first `firstN`, then one per `intervalMs` carrying how many were
 * suppressed since. A client sending 10,000 bad frames writes a few lines, not 10,000, and no
 * stack traces (a client's mistake is not the server's failure).
 */
export class MistakeLog {
  private logged = 0;
  private suppressed = 0;
  private lastLoggedAt = -Infinity;

  constructor(
    private readonly logger: () => Logger,
    private readonly firstN = 5,
    private readonly intervalMs = 10_000,
  ) {}

  warn(details: Readonly<Record<string, unknown>>, message: string, now = performance.now()): void {
    if (this.logged >= this.firstN && now - this.lastLoggedAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    const suppressed = this.suppressed;
    this.logged += 1;
    this.suppressed = 0;
    this.lastLoggedAt = now;
    this.logger().warn(suppressed > 0 ? { ...details, suppressed } : details, message);
  }
}
