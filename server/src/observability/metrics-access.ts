import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Who may read `/-/metrics` (StartOptions.metrics; METRICS_ENABLED, METRICS_TOKEN). */
export interface MetricsAccessOptions {
  /** false: `/-/metrics` answers 404 to everyone. */
  enabled: boolean;
  /** When set, clients that are not local may read the metrics by presenting it. */
  token?: string | undefined;
}

/** What the access decision looks at in a request. */
export interface MetricsRequest {
  remoteAddress: string | undefined;
  headers: IncomingHttpHeaders;
  /** `?token=` from the query string, when it is a single value. */
  queryToken: string | undefined;
}

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/**
 * Loopback clients (a local Prometheus agent, an operator's curl on the host) may always read
 * the metrics; anyone else only with the configured token (`Authorization: Bearer <token>` or
 * `?token=<token>`). A request relayed by a proxy on the same host arrives from 127.0.0.1, so
 * one with forwarding headers counts as remote.
 */
export function isMetricsRequestAllowed(
  request: MetricsRequest,
  options: MetricsAccessOptions,
): boolean {
  if (!options.enabled) return false;
  const proxied = FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined);
  if (!proxied && isLoopback(request.remoteAddress)) return true;
  const expected = options.token;
  if (expected === undefined || expected === '') return false;
  const presented = bearerToken(request.headers.authorization) ?? request.queryToken;
  return presented !== undefined && sameSecret(presented, expected);
}

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6 (`::ffff:127.0.0.1`). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Compares digests, so neither the length nor the content leaks through timing. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
