/** Shortest pause between two batches of a drain: finer spreading gains nothing. */
const DRAIN_STEP_MS = 50;

/** Calls `each` on every item, in equal batches spaced evenly over `windowMs`. */
export async function drainInBatches<T>(
  items: readonly T[],
  windowMs: number,
  each: (item: T) => void,
): Promise<void> {
  const steps = Math.max(1, Math.min(items.length, Math.floor(windowMs / DRAIN_STEP_MS)));
  const batchSize = Math.ceil(items.length / steps);
  for (let step = 0; step * batchSize < items.length; step += 1) {
    if (step > 0) await new Promise((resolve) => setTimeout(resolve, windowMs / steps));
    for (const item of items.slice(step * batchSize, (step + 1) * batchSize)) each(item);
  }
}
