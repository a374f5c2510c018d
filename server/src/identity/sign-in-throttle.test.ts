import { describe, expect, it } from 'vitest';

import { startRedisServer } from '../../test/redis-server.js';
import { DEMO_PASSWORD } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

import { SignInThrottle } from './sign-in-throttle.js';

const redis = await startRedisServer();

function signIn(server: { url: string }, username: string, password: string) {
  return fetch(`${server.url}/users/sign_in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('sign-in throttling with REDIS_URL', () => {
  it('counts failures across servers: 3 on one and 2 on another lock the username on both', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        startTestServer({ signInThrottle: SignInThrottle.shared(redis.url, 'throttle-test:') }),
      ),
    );
    if (!a || !b) throw new Error('two servers');
    for (const server of [a, a, a, b, b]) {
      expect((await signIn(server, 'carol', 'wrong password')).status).toBe(401);
    }
    // Each server saw fewer than 5 failures: only the shared count refuses the right password.
    for (const server of [a, b]) {
      const response = await signIn(server, 'carol', DEMO_PASSWORD);
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Another username is not affected, and a success is shared too.
    expect((await signIn(b, 'bob', DEMO_PASSWORD)).status).toBe(200);
  }, 60_000);

  it('keeps counting in the process while Redis is unreachable', async () => {
    const throttle = SignInThrottle.shared('redis://127.0.0.1:1', 'unreachable:');
    try {
      for (let i = 0; i < 5; i++) await throttle.failed('dave', '10.0.0.1');
      expect(await throttle.retryAfter('dave', '10.0.0.1')).toBeGreaterThan(0);
      expect(await throttle.retryAfter('erin', '10.0.0.2')).toBe(0);
    } finally {
      await throttle.close();
    }
  });
});
