import { networkInterfaces } from 'node:os';

import { describe, expect, it } from 'vitest';

import { startTestServer } from '../../test/start-test-server.js';

import { isLoopback, isMetricsRequestAllowed, type MetricsRequest } from './metrics-access.js';

const TOKEN = 'scrape-secret-0123456789';

function request(overrides: Partial<MetricsRequest> = {}): MetricsRequest {
  return { remoteAddress: '127.0.0.1', headers: {}, queryToken: undefined, ...overrides };
}

describe('isMetricsRequestAllowed', () => {
  it('admits loopback clients with or without a token configured', () => {
    for (const remoteAddress of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(isMetricsRequestAllowed(request({ remoteAddress }), { enabled: true })).toBe(true);
      expect(
        isMetricsRequestAllowed(request({ remoteAddress }), { enabled: true, token: TOKEN }),
      ).toBe(true);
    }
  });

  it('refuses everyone when disabled, even loopback with the token', () => {
    const withToken = request({ headers: { authorization: `Bearer ${TOKEN}` } });
    expect(isMetricsRequestAllowed(withToken, { enabled: false, token: TOKEN })).toBe(false);
  });

  it('refuses other clients unless a configured token is presented', () => {
    const remote = { remoteAddress: '10.1.2.3' };
    expect(isMetricsRequestAllowed(request(remote), { enabled: true })).toBe(false);
    expect(isMetricsRequestAllowed(request(remote), { enabled: true, token: '' })).toBe(false);
    expect(isMetricsRequestAllowed(request(remote), { enabled: true, token: TOKEN })).toBe(false);
    const options = { enabled: true, token: TOKEN };
    for (const presented of [
      { headers: { authorization: `Bearer ${TOKEN}` } },
      { headers: { authorization: `bearer ${TOKEN}` } },
      { queryToken: TOKEN },
    ]) {
      expect(isMetricsRequestAllowed(request({ ...remote, ...presented }), options)).toBe(true);
    }
    for (const wrong of [
      { headers: { authorization: 'Bearer wrong' } },
      { headers: { authorization: `Bearer ${TOKEN}x` } },
      { headers: { authorization: TOKEN } }, // no scheme
      { headers: { authorization: `Basic ${TOKEN}` } },
      { queryToken: TOKEN.slice(0, -1) },
      { queryToken: '' },
    ]) {
      expect(isMetricsRequestAllowed(request({ ...remote, ...wrong }), options)).toBe(false);
    }
  });

  it('treats a request relayed by a local proxy as remote', () => {
    for (const name of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const proxied = request({ headers: { [name]: '203.0.113.9' } });
      expect(isMetricsRequestAllowed(proxied, { enabled: true })).toBe(false);
      const withToken = request({ headers: { [name]: '203.0.113.9' }, queryToken: TOKEN });
      expect(isMetricsRequestAllowed(withToken, { enabled: true, token: TOKEN })).toBe(true);
    }
  });

  it('knows loopback addresses from look-alikes', () => {
    expect(isLoopback(undefined)).toBe(false);
    for (const address of ['10.0.0.1', '::2', '::ffff:10.0.0.1', '1.127.0.0', 'fe80::1']) {
      expect(isLoopback(address)).toBe(false);
    }
  });
});

/** This machine's first non-loopback IPv4 address, if it has one. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((info) => info?.family === 'IPv4' && !info.internal)?.address;

const [disabledServer, tokenServer] = await Promise.all([
  startTestServer({ metrics: { enabled: false } }),
  // Listens on every interface, so it can be reached from a non-loopback address below.
  startTestServer({ host: '0.0.0.0', metrics: { enabled: true, token: TOKEN } }),
]);

describe('/-/metrics over HTTP', () => {
  it('answers 404 to loopback too when disabled', async () => {
    const response = await fetch(`${disabledServer.url}/-/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Page not found');
  });

  it('asks a loopback request that carries proxy headers for the token', async () => {
    const server = tokenServer;
    const proxied = { 'x-forwarded-for': '203.0.113.9' };
    const loopbackUrl = `http://127.0.0.1:${server.port}/-/metrics`;
    expect((await fetch(loopbackUrl, { headers: proxied })).status).toBe(404);
    expect((await fetch(loopbackUrl)).status).toBe(200);
    const withToken = await fetch(`http://127.0.0.1:${server.port}/-/metrics?token=${TOKEN}`, {
      headers: proxied,
    });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('action_cable_active_connections 0');
  });

  // A real non-loopback peer: the server listens on every interface and the test connects to
  // this machine's own external address, so the socket's remote address is not 127.0.0.1.
  it.skipIf(externalAddress === undefined)(
    'refuses a non-loopback client without the token and serves it with the token',
    async () => {
      const server = tokenServer;
      const url = `http://${externalAddress}:${server.port}/-/metrics`;
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(url, { headers: { authorization: 'Bearer nope' } })).status).toBe(404);
      const bearer = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(bearer.status).toBe(200);
      expect(await bearer.text()).toContain('# TYPE action_cable_active_connections gauge');
      expect((await fetch(`${url}?token=${TOKEN}`)).status).toBe(200);
    },
  );
});
