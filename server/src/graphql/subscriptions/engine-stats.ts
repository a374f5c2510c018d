/**
 * What the subscription engine has done in this process, for tests, benchmarks and metrics.
 * One trigger should cost one publish and, per process, one execution per group; deliveries
 * count frames handed to subscribers.
 */
export class EngineStats {
  /** Events published (one per trigger). */
  publishes = 0;
  /** Events received from the pub/sub on a topic with local subscribers. */
  eventsReceived = 0;
  /** GraphQL executions for events (one per group per event). */
  executions = 0;
  /** Payloads handed to subscribers for events. */
  deliveries = 0;
  /** Deliveries withheld because the subscriber may not see the event (and then unsubscribed). */
  denied = 0;
  /** Deliveries withheld from subscribers who may see the topic but not this event (kept subscribed). */
  skipped = 0;
  /** Events dropped because the topic had already delivered a newer state. */
  staleEvents = 0;
  /** Topics re-read and re-delivered after a pub/sub gap (events may have been lost). */
  resyncs = 0;
  /** Publishes that failed or did not answer in time (each owes every process a resync). */
  publishFailures = 0;
}
