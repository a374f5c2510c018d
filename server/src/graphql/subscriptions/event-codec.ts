/**
 * Encodes trigger objects for the pub/sub (which carries strings, so every adapter sends the
 * same bytes). Timestamps travel as ISO strings under keys ending in `At` and come back as
 * Dates, so resolvers see the same record whether it came from the database or an event.
 */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function encodeEvent(object: unknown): string {
  return JSON.stringify(object);
}

export function decodeEvent(payload: string): unknown {
  return JSON.parse(payload, (key, value: unknown) =>
    key.endsWith('At') && typeof value === 'string' && ISO_TIMESTAMP.test(value)
      ? new Date(value)
      : value,
  );
}
