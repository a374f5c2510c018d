import { createConsumer, type Consumer } from '@rails/actioncable';

import { CABLE } from '@shared/cable/protocol';

import type { CableConnection } from './realtime-state';

/** The page's one Action Cable consumer (GitLab mounts the cable at `/-/cable`). */
export const cable: Consumer = createConsumer(CABLE.mountPath);

/** `consumer.connection`, which @types/rails__actioncable does not declare. */
export function cableConnection(consumer: Consumer): CableConnection {
  return (consumer as Consumer & { connection: CableConnection }).connection;
}
