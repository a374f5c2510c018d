import { createHash } from 'node:crypto';

/**
 * The key of a group of subscriptions that can share one execution (graphql-ruby's broadcast
 * fingerprint): operation name, SHA-256 of the query text, the variables as JSON with sorted
 * keys, and a visibility key for results that depend on who asks.
 */
export function groupFingerprint(
  operationName: string | undefined,
  query: string,
  variables: Record<string, unknown>,
  visibility: string,
): string {
  return `${operationName ?? 'anonymous'}/${sha256(query)}/${stableJson(variables)}/${visibility}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** JSON with object keys sorted, so equal variables give equal fingerprints. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}
