import { request, type ApiOutcome } from '../api/rest';

export type { ApiOutcome } from '../api/rest';

export { PERSONAL_ACCESS_TOKENS_PATH } from '@shared/pages';

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
