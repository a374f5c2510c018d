import { csrfToken } from '../bootstrap';

export const PERSONAL_ACCESS_TOKENS_PATH = '/-/user_settings/personal_access_tokens';

export type TokenScope = 'api' | 'read_api';

/** What the scopes allow (GitLab's wording). */
export const TOKEN_SCOPES: readonly { scope: TokenScope; description: string }[] = [
  {
    scope: 'api',
    description: 'Grants complete read/write access to the API, including the real-time updates.',
  },
  {
    scope: 'read_api',
    description: 'Grants read access to the API, including the real-time updates.',
  },
];

/** A token as `GET /api/v4/personal_access_tokens` lists it (never with its secret). */
export interface PersonalAccessToken {
  id: number;
  name: string;
  scopes: TokenScope[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked: boolean;
  active: boolean;
}

/** `POST /api/v4/user/personal_access_tokens` answers the token with its secret, this once. */
export interface CreatedPersonalAccessToken extends PersonalAccessToken {
  token: string;
}

export interface NewTokenInput {
  name: string;
  scopes: TokenScope[];
  /** `YYYY-MM-DD`, or absent for no expiry. */
  expires_at?: string;
}

export type ApiOutcome<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

const UNREACHABLE = 'The server is not reachable. Check your connection.';

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** GitLab's REST errors: `{message, error}`; `error` is the human-readable part. */
function errorMessage(body: unknown, status: number): string {
  const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown };
  if (typeof error === 'string' && error) return error;
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message) && message.every((item) => typeof item === 'string')) {
    return message.join(', ');
  }
  return `The request failed (HTTP ${status}).`;
}

async function request<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiOutcome<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, message: UNREACHABLE };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  const data = await json(response);
  return response.ok
    ? { ok: true, data: data as T }
    : { ok: false, status: response.status, message: errorMessage(data, response.status) };
}

export function listTokens(): Promise<ApiOutcome<PersonalAccessToken[]>> {
  return request('GET', '/api/v4/personal_access_tokens');
}

export function createToken(input: NewTokenInput): Promise<ApiOutcome<CreatedPersonalAccessToken>> {
  return request('POST', '/api/v4/user/personal_access_tokens', input);
}

export function revokeToken(id: number): Promise<ApiOutcome<void>> {
  return request('DELETE', `/api/v4/personal_access_tokens/${id}`);
}

/** Today's date plus `days`, as `YYYY-MM-DD` in the visitor's time zone. */
export function localDate(days = 0, now = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The part of the new-token form an error is shown next to. */
export type TokenFormField = 'name' | 'expires' | 'scopes' | 'form';

/** Which field a 400 error is about (GitLab's messages start with the parameter's name). */
export function fieldOfError(message: string): TokenFormField {
  if (/^name\b/.test(message)) return 'name';
  if (/^scopes\b/.test(message)) return 'scopes';
  if (/^expires_at\b/.test(message)) return 'expires';
  return 'form';
}
