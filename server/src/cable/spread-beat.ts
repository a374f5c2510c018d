/**
 * A periodic beat for many items, spread over the interval: items are dealt round-robin into
 * slices, and one slice is beaten per tick, so every item is still beaten once per interval.
 *
 * Why: the cable pings every connection every 3 s. Beating 10,000 connections at once is 20,000
 * socket writes (the Action Cable ping and a WebSocket ping) in one turn of the event loop, about
 * 400 ms on the benchmark machine, and every push and request waiting behind it took that much
 * longer: the benchmark's p99 with 10,000 connections was these stalls, every 3 s. In 30 slices
 * the same work blocks for about 15 ms at a time.
 */
export class SpreadBeat<T> {
  private readonly slices: Set<T>[];
  private readonly sliceOf = new Map<T, Set<T>>();
  private next = 0;
  private tick = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly beat: (item: T, nowMs: number) => void,
    /** Ticks per interval; at most one per 100 ms, so short test intervals beat all at once. */
    sliceCount = Math.max(1, Math.min(30, Math.floor(intervalMs / 100))),
  ) {
    this.slices = Array.from({ length: sliceCount }, () => new Set<T>());
  }

  add(item: T): void {
    if (this.sliceOf.has(item)) return;
    const slice = this.slices[this.next] as Set<T>;
    this.next = (this.next + 1) % this.slices.length;
    slice.add(item);
    this.sliceOf.set(item, slice);
  }

  delete(item: T): void {
    this.sliceOf.get(item)?.delete(item);
    this.sliceOf.delete(item);
  }

  start(): void {
    this.stop();
    this.timer = setInterval(() => this.beatSlice(), this.intervalMs / this.slices.length);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private beatSlice(): void {
    const slice = this.slices[this.tick] as Set<T>;
    this.tick = (this.tick + 1) % this.slices.length;
    const now = Date.now();
    for (const item of slice) this.beat(item, now);
  }
}
