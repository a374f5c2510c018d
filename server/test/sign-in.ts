import { expect } from 'vitest';

/** The demo password every seeded user has (DEMO_PASSWORD's default). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? '5iveL!fe';

export interface SignedIn {
  /** `Cookie` header value carrying the session. */
  cookie: string;
  csrfToken: string;
}

/** Signs in through `POST /users/sign_in`, as the sign-in page does. */
export async function signIn(
  server: { url: string },
  username: string,
  password = DEMO_PASSWORD,
): Promise<SignedIn> {
  const response = await fetch(`${server.url}/users/sign_in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status, `sign-in of ${username}`).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** POSTs GraphQL with a session (cookie + CSRF header) or a bearer token. */
export async function graphqlAs(
  server: { url: string },
  auth: SignedIn | { token: string } | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
}> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth && 'cookie' in auth)
    Object.assign(headers, { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken });
  if (auth && 'token' in auth) headers.authorization = `Bearer ${auth.token}`;
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown> | null },
  };
}

/** Creates a personal access token for `username` through the API, as the tokens page does. */
export async function createToken(
  server: { url: string },
  username: string,
  scopes: string[],
  name = 'test',
): Promise<string> {
  const session = await signIn(server, username);
  const response = await fetch(`${server.url}/api/v4/user/personal_access_tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ name, scopes }),
  });
  expect(response.status, `token for ${username}`).toBe(201);
  return ((await response.json()) as { token: string }).token;
}
