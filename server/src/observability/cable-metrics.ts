import type { Registry } from 'prom-client';

import type { CableServer } from '../cable/server.js';

import { collectedCounter, collectedGauge } from './collected.js';

/** What the cable metrics read; a CableServer has it. */
export type CableMetricsSource = Pick<CableServer, 'connectionCount' | 'channelCount' | 'stats'>;

/**
 * The Action Cable metrics, under GitLab's names where GitLab has one
 * (`Gitlab::Metrics::Samplers::ActionCableSampler`, `Subscribers::ActionCable`). GitLab's pool
 * gauges describe its worker thread pool, which Node does not have: the event loop lag among the
 * process metrics is the equivalent.
 */
export function registerCableMetrics(registry: Registry, cable: CableMetricsSource): void {
  const { stats } = cable;
  collectedGauge(
    registry,
    'action_cable_active_connections',
    'Open cable connections (welcomed, not yet closed)',
    () => cable.connectionCount,
  );
  collectedGauge(
    registry,
    'action_cable_channel_subscriptions',
    'Channel subscriptions held by the open connections',
    () => cable.channelCount,
  );
  collectedCounter(
    registry,
    'action_cable_connections_total',
    'Cable connections opened (welcomed) since start; a jump is a reconnect storm',
    () => stats.connectionsOpened,
  );
  collectedCounter(
    registry,
    'action_cable_single_client_transmissions_total',
    'Channel messages ({identifier, message}) written to sockets',
    () => stats.messagesTransmitted,
  );
  collectedCounter(
    registry,
    'action_cable_transmitted_bytes_total',
    'UTF-8 bytes of every frame written to sockets (messages, confirmations, welcomes, pings)',
    () => stats.bytesTransmitted,
  );
  collectedCounter(
    registry,
    'action_cable_subscription_confirmations_total',
    'confirm_subscription frames sent',
    () => stats.confirmations,
  );
  collectedCounter(
    registry,
    'action_cable_subscription_rejections_total',
    'reject_subscription frames sent (unknown channel, bad identifier, too many, refused)',
    () => stats.rejections,
  );
  collectedCounter(
    registry,
    'action_cable_slow_consumer_disconnects_total',
    'Clients disconnected because their unsent bytes passed the limit',
    () => stats.slowConsumerDisconnects,
  );
  collectedCounter(
    registry,
    'action_cable_limit_disconnects_total',
    'Clients disconnected for going over the message rate or the command queue',
    () => stats.limitDisconnects,
  );
}
