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

/** Digests of the query texts seen (every viewer sends the same few), the oldest going first. */
const digests = new Map<string, string>();
const MAX_DIGESTS = 256;

function sha256(text: string): string {
  const known = digests.get(text);
  if (known !== undefined) return known;
  const digest = createHash('sha256').update(text).digest('base64url');
  if (digests.size >= MAX_DIGESTS) digests.delete(digests.keys().next().value as string);
  digests.set(text, digest);
  return digest;
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
