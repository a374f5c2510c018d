import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { CableClient, graphqlIdentifier } from '../../test/cable-client.js';
import { DEMO_PASSWORD, graphqlAs, signIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

import { createLogger } from './logger.js';

/**
 * Every credential the server handles, used in every way it accepts it (and some it refuses),
 * with logging at its most verbose: none may appear in what was logged.
 */
describe('logs', () => {
  it('never contain passwords, tokens, session cookies or CSRF tokens', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const metricsToken = 'metrics-scraper-token-0123456789';
    const server = await startTestServer({
      logger: createLogger({ level: 'trace' }, sink),
      metrics: { enabled: true, token: metricsToken },
    });

    const session = await signIn(server, 'alice');
    const wrongPassword = 'not-the-password-but-secret';
    await fetch(`${server.url}/users/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bob', password: wrongPassword }),
    });
    const created = await fetch(`${server.url}/api/v4/user/personal_access_tokens`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
      body: JSON.stringify({ name: 'ci', scopes: ['api'] }),
    });
    const { token } = (await created.json()) as { token: string };
    const revoked = 'glpat-revokedOrNeverIssuedTokenValue';

    await graphqlAs(server, session, '{ currentUser { username } }');
    await graphqlAs(server, { token }, '{ currentUser { username } }');
    await graphqlAs(server, { token: revoked }, '{ currentUser { username } }');
    await fetch(`${server.url}/api/v4/personal_access_tokens?private_token=${token}`);
    await fetch(`${server.url}/-/metrics?token=${metricsToken}`);
    await fetch(`${server.url}/-/metrics?token=wrong-${metricsToken}`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    for (const headers of <Record<string, string>[]>[
      { cookie: session.cookie },
      { authorization: `Bearer ${token}` },
      { authorization: `Bearer ${revoked}` },
    ]) {
      const client = await CableClient.connect(server.url, { headers });
      await client.nextNonPing();
      client.subscribe(graphqlIdentifier('secrets'));
      client.close();
    }
    await fetch(`${server.url}/users/sign_out`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });

    expect(logged).toContain('"msg":"signed in"'); // logging did happen, at every level
    expect(logged).toContain('"msg":"request"');
    const sessionSecret = session.cookie.split('=')[1] ?? '';
    for (const secret of [
      DEMO_PASSWORD,
      wrongPassword,
      token,
      revoked,
      sessionSecret,
      session.csrfToken,
      metricsToken,
    ]) {
      expect(secret.length).toBeGreaterThan(7);
      expect(logged).not.toContain(secret);
    }
  });
});
