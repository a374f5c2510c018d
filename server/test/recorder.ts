/**
 * Records the values of an observable-like source and lets a test await the next one that
 * matches: a promise per wait, never a sleep.
 */
export class Recorder<T> {
  readonly values: T[] = [];
  completed = false;
  private cursor = 0;
  private waiters: (() => void)[] = [];

  readonly observer = {
    next: (value: T) => {
      this.values.push(value);
      this.notify();
    },
    error: (error: unknown) => {
      this.values.push({ error } as T);
      this.notify();
    },
    complete: () => {
      this.completed = true;
      this.notify();
    },
  };

  /** Resolves with the next unread value that matches; values before it are skipped. */
  async next(predicate: (value: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.values.length) {
        const value = this.values[this.cursor++] as T;
        if (predicate(value)) return value;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`timed out; values so far: ${JSON.stringify(this.values)}`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out; values so far: ${JSON.stringify(this.values)}`)),
          remaining,
        );
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Values received and not yet consumed by next(). */
  unread(): T[] {
    return this.values.slice(this.cursor);
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
