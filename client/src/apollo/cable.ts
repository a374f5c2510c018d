import { createConsumer, type Consumer } from '@rails/actioncable';

import type { CableConnection } from './realtime-state';

/** The page's one Action Cable consumer (GitLab mounts the cable at `/-/cable`). */
export const cable: Consumer = createConsumer('/-/cable');

/** `consumer.connection`, which @types/rails__actioncable does not declare. */
export function cableConnection(consumer: Consumer): CableConnection {
  return (consumer as Consumer & { connection: CableConnection }).connection;
}
