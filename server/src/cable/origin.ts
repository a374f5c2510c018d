/**
 * Origin check before the upgrade (Rails' `allow_request_origin?`): CSRF protection for
 * WebSockets, since browsers send cookies on the handshake of any page's `new WebSocket`.
 */
export interface OriginPolicy {
  /** Exact origins always allowed, e.g. `https://gitlab.example.com`. */
  allowedOrigins: readonly string[];
  /** Development: any `http(s)://localhost:<port>` (and 127.0.0.1, [::1]) is allowed. */
  allowLocalhost: boolean;
}

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * True when `origin` is the same origin as `host` (the request's Host header), in the
 * allow-list, or a localhost origin while that is allowed. A missing Origin is refused:
 * browsers always send one, so its absence means a non-browser client that should be
 * told apart explicitly (by an allow-list entry), as Rails does.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  policy: OriginPolicy,
): boolean {
  if (!origin) return false;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  if (policy.allowedOrigins.includes(origin)) return true;
  return policy.allowLocalhost && LOCALHOST.test(origin);
}
