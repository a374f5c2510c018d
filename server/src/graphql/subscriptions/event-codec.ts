/**
 * Encodes trigger objects for the pub/sub (which carries strings, so every adapter sends the
 * same bytes). Timestamps travel as ISO strings under keys ending in `At` and come back as
 * Dates, so resolvers see the same record whether it came from the database or an event.
 */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** What travels: the trigger's object, and the correlation id of the request that caused it. */
export interface EncodedEvent {
  object: unknown;
  correlationId?: string | undefined;
}

export function encodeEvent(event: EncodedEvent): string {
  return JSON.stringify({ correlation_id: event.correlationId, object: event.object });
}

export function decodeEvent(payload: string): EncodedEvent {
  const decoded = JSON.parse(payload, (key, value: unknown) =>
    key.endsWith('At') && typeof value === 'string' && ISO_TIMESTAMP.test(value)
      ? new Date(value)
      : value,
  ) as { correlation_id?: unknown; object?: unknown };
  return {
    object: decoded.object,
    correlationId: typeof decoded.correlation_id === 'string' ? decoded.correlation_id : undefined,
  };
}
