/**
 * How many live operations (GraphQL subscriptions) one connection holds across all of its
 * channels, against a cap: without it one channel could register thousands, and every change
 * to the issue would cost thousands of executions.
 */
export class OperationBudget {
  private live = 0;

  constructor(readonly max: number) {}

  get size(): number {
    return this.live;
  }

  get isFull(): boolean {
    return this.live >= this.max;
  }

  add(): void {
    this.live += 1;
  }

  release(count: number): void {
    this.live = Math.max(0, this.live - count);
  }
}
