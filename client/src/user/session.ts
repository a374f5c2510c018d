import { SIGN_IN_PATH } from '@shared/pages';

import { csrfToken, setCsrfToken } from '../bootstrap';

export { SIGN_IN_PATH };
export const SIGN_OUT_PATH = '/users/sign_out';

export type SignInOutcome =
  { ok: true } | { ok: false; message: string; retryAfterSeconds?: number };

function errorText(body: unknown): string | null {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'string' && error ? error : null;
}

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** `POST /users/sign_in` with `{username, password}` (GitLab's path). */
export async function signIn(username: string, password: string): Promise<SignInOutcome> {
  let response: Response;
  try {
    response = await fetch(SIGN_IN_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return { ok: false, message: 'The server is not reachable. Check your connection.' };
  }
  const body = await json(response);
  if (response.ok) {
    const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') setCsrfToken(token);
    return { ok: true };
  }
  if (response.status === 401) {
    return { ok: false, message: errorText(body) ?? 'Invalid username or password.' };
  }
  if (response.status === 429) {
    const retry = Number((body as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds);
    const seconds = Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : undefined;
    const wait = seconds ? ` Try again in ${seconds} second${seconds === 1 ? '' : 's'}.` : '';
    return {
      ok: false,
      message: `${errorText(body) ?? 'Too many sign-in attempts.'}${wait}`,
      ...(seconds ? { retryAfterSeconds: seconds } : {}),
    };
  }
  if (response.status === 404 || response.status === 405) {
    return { ok: false, message: 'Signing in is not available on this server yet.' };
  }
  return { ok: false, message: `Sign-in failed (HTTP ${response.status}). Try again later.` };
}

/** `POST /users/sign_out` with the CSRF token; true when the session ended. */
export async function signOut(): Promise<boolean> {
  try {
    const response = await fetch(SIGN_OUT_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrfToken() },
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** A same-origin path to return to after signing in (never another site). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value
    : '/';
}
