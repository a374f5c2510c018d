/** A decoded JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** What a JSON value is, for error messages: 'null', 'array', 'string', … */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Why text was not one JSON object: not JSON at all, or JSON of another kind (`got`). */
export type NotJsonObject =
  { ok: false; problem: 'not-json' } | { ok: false; problem: 'not-object'; got: string };

/**
 * Parses text that must hold one JSON object: every frame, identifier, action payload and
 * variables string a client sends is read through here, so each is checked the same way.
 */
export function parseJsonObject(text: string): { ok: true; value: JsonObject } | NotJsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'not-object', got: describeJson(value) };
  }
  return { ok: true, value: value as JsonObject };
}
