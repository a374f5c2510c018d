/**
 * What the server tells the page through `<meta>` tags in index.html (GitLab uses `gon` and meta
 * tags the same way). Absent tags mean the defaults: real-time on, no CSRF token.
 */
function meta(name: string): HTMLMetaElement | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
}

/** `<meta name="real-time-issue-sidebar" content="false">` turns live updates off (polling instead). */
export function realtimeEnabled(): boolean {
  return meta('real-time-issue-sidebar')?.content.trim().toLowerCase() !== 'false';
}

/** The CSRF token to send as `X-CSRF-Token` on POSTs, or '' when the server gave none. */
export function csrfToken(): string {
  return meta('csrf-token')?.content ?? '';
}

/** Stores a token the server handed out (after sign-in) where `csrfToken()` reads it. */
export function setCsrfToken(token: string): void {
  let tag = meta('csrf-token');
  if (!tag) {
    tag = document.createElement('meta');
    tag.name = 'csrf-token';
    document.head.append(tag);
  }
  tag.content = token;
}
