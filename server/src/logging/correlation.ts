import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id (GitLab's `correlation_id`) of the work in progress: set for each HTTP
 * request and for each event delivery, and stamped on every log line written meanwhile, so one
 * change can be followed from its mutation to every push it caused, on every process.
 */
const current = new AsyncLocalStorage<string>();

/** Runs `fn` with `id` as the correlation id of everything it logs, synchronously or later. */
export function withCorrelationId<T>(id: string | undefined, fn: () => T): T {
  return id === undefined ? fn() : current.run(id, fn);
}

export function correlationId(): string | undefined {
  return current.getStore();
}

/** A caller-supplied id (`X-Request-Id`) is kept only if it is short and plain. */
const ACCEPTED = /^[A-Za-z0-9_.:-]{1,64}$/;

export function correlationIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTED.test(header) ? header : randomUUID();
}
