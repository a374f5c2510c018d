import type { Logger } from 'pino';

import type { RevocationChannel } from './identity/cached-credentials.js';
import type { PubSub } from './pubsub/pubsub.js';

/** The stream every process listens on for revoked credentials. */
export const REVOCATIONS_STREAM = 'identity/revocations';

/**
 * Revoked credentials (a sign-out, a revoked token) announced over the pub/sub, so every
 * process drops its cached copies at once. A failed announcement is logged, not thrown: the
 * revocation is committed, this process forgot the credentials already, and the others' copies
 * expire within the cache's TTL.
 */
export async function credentialRevocations(
  pubsub: PubSub,
  logger: Logger,
): Promise<RevocationChannel & { close(): void }> {
  const listeners = new Set<(userId: number) => void>();
  const subscriptionId = await pubsub.subscribe(REVOCATIONS_STREAM, (payload: string) => {
    const userId = Number(payload);
    if (!Number.isSafeInteger(userId)) return;
    for (const listener of listeners) listener(userId);
  });
  return {
    async publish(userId) {
      try {
        await pubsub.publish(REVOCATIONS_STREAM, String(userId));
      } catch (error) {
        logger.warn({ err: error, userId }, 'credential revocation not announced');
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => pubsub.unsubscribe(subscriptionId),
  };
}
