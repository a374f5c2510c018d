import { describe, expect, it } from 'vitest';

import { createToken, signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

/** Users' emails: stored by `POST /api/v4/users`, shown by GitLab's users API to admins only. */
const server = await startTestServer();
const sessions = new Map<string, SignedIn>();

async function as(username: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (username) {
    const session = sessions.get(username) ?? (await signIn(server, username));
    sessions.set(username, session);
    Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
  }
  const response = await fetch(`${server.url}/api/v4${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = JSON.parse(text) as unknown;
  return { status: response.status, headers: response.headers, text, body: json };
}

type UserJson = { id: number; username: string } & Record<string, unknown>;
const one = (body: unknown) => body as UserJson;
const many = (body: unknown) => body as UserJson[];

const newUser = (username: string, email: string) => ({
  username,
  name: 'Mail Person',
  email,
  password: 'long enough',
});

describe('POST /api/v4/users stores the email', () => {
  it('lower-cases and trims it, returns it to the admin, and refuses it twice', async () => {
    const created = await as('root', 'POST', '/users', newUser('mail-1', ' Mail.One@Example.COM '));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'mail-1', email: 'mail.one@example.com' });

    const shown = await as('root', 'GET', `/users/${one(created.body).id}`);
    expect(shown.body).toMatchObject({ username: 'mail-1', email: 'mail.one@example.com' });

    // One address, one account, whatever its case (GitLab: 409 with this message).
    const again = await as('root', 'POST', '/users', newUser('mail-2', 'MAIL.ONE@example.com'));
    expect(again).toMatchObject({
      status: 409,
      body: { message: 'Email has already been taken' },
    });
    expect(await server.database.identity.findAccountByUsername('mail-2')).toBeNull();
  });

  it.each([
    ['no at sign', 'no-at-sign', 'email is invalid'],
    ['no domain dot', 'a@b', 'email is invalid'],
    ['a space inside', 'a b@example.com', 'email is invalid'],
    ['a number', 5, 'email is invalid'],
    ['over 255 characters', `${'a'.repeat(250)}@example.com`, 'email is too long'],
    ['nothing', undefined, 'email is missing'],
  ])("answers an email with %s with GitLab's 400 and writes nothing", async (_n, email, error) => {
    const answer = await as('root', 'POST', '/users', newUser('mail-bad', email as string));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: expect.stringMatching(`^${error}`) as unknown });
    expect(await server.database.identity.findAccountByUsername('mail-bad')).toBeNull();
  });
});

describe('GET /api/v4/users and /users/:id', () => {
  it('shows emails and the admin flag to an admin', async () => {
    const list = await as('root', 'GET', '/users?per_page=100');
    expect(list.status).toBe(200);
    const alice = many(list.body).find((u) => u.username === 'alice');
    expect(alice).toMatchObject({ email: 'alice@example.com', is_admin: false, state: 'active' });
    const root = await server.database.identity.findAccountByUsername('root');
    expect((await as('root', 'GET', `/users/${root?.id}`)).body).toMatchObject({
      username: 'root',
      email: 'root@example.com',
      is_admin: true,
    });
  });

  it('never shows an email to a regular user, a read_api token or an anonymous caller', async () => {
    const alice = await server.database.identity.findAccountByUsername('alice');
    const token = await createToken(server, 'bob', ['read_api']);
    const answers = [
      await as('bob', 'GET', '/users?per_page=100'),
      await as('bob', 'GET', `/users/${alice?.id}`),
      await as(null, 'GET', '/users?username=alice'),
      await fetch(`${server.url}/api/v4/users/${alice?.id}`, {
        headers: { authorization: `Bearer ${token}` },
      }).then(async (r) => ({ status: r.status, text: await r.text() })),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('"username":"alice"');
      expect(answer.text).not.toContain('@');
      expect(answer.text).not.toContain('is_admin');
    }
    expect(JSON.parse(answers[2]?.text ?? '')).toEqual([
      {
        id: alice?.id,
        username: 'alice',
        name: 'Alice Liddell',
        state: 'active',
        locked: false,
        avatar_url: '/avatars/alice.svg',
        web_url: '/alice',
      },
    ]);
  });

  it("refuses anonymous listing and lookups by id, as GitLab does, and 404s who isn't there", async () => {
    expect(await as(null, 'GET', '/users')).toMatchObject({
      status: 403,
      body: { message: '403 Forbidden - Not authorized to access /api/v4/users' },
    });
    expect((await as(null, 'GET', '/users/1')).status).toBe(403);
    expect((await as('bob', 'GET', '/users/999999')).body).toEqual({
      message: '404 User Not Found',
    });
    expect((await as('bob', 'GET', '/users/99999999999999')).status).toBe(404);
    expect((await as('bob', 'GET', '/users?username=nobody')).body).toEqual([]);
  });

  it('pages the list, newest first, with GitLab headers, and refuses bad page numbers', async () => {
    const first = await as('bob', 'GET', '/users?per_page=2');
    const second = await as('bob', 'GET', '/users?per_page=2&page=2');
    const ids = [...many(first.body), ...many(second.body)].map((u) => u.id);
    expect(ids).toHaveLength(4);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(first.headers.get('x-next-page')).toBe('2');
    expect(second.headers.get('x-prev-page')).toBe('1');
    const clamped = await as('bob', 'GET', '/users?per_page=5000');
    expect(clamped.headers.get('x-per-page')).toBe('100');
    expect((await as('bob', 'GET', '/users?page=abc')).body).toEqual({ error: 'page is invalid' });
    expect((await as('bob', 'GET', '/users?page=0')).status).toBe(400);
  });
});
