/**
 * Work in progress by key: a caller whose key is already pending shares that promise instead of
 * starting the same work again, and nothing is kept once it settles (no cache, no staleness
 * beyond the work's own). Shared reads (single-flight-reads.ts) and shared HTTP query executions
 * (graphql/http-execution.ts) both use it.
 */
export class InFlight<V> {
  private readonly pending = new Map<string, Promise<V>>();

  run(key: string, start: () => Promise<V>): Promise<V> {
    const existing = this.pending.get(key);
    if (existing) return existing;
    const started = start().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}
