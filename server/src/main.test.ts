import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { CableClient, graphqlIdentifier } from '../test/cable-client.js';
import { startMainProcess } from '../test/main-process.js';

/**
 * The real entry point in its own process: started as `npm start` starts it (without the client
 * build), stopped with SIGTERM as an orchestrator would.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'main-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('main', () => {
  it('on SIGTERM sends server_restart to every client, closes them and exits 0', async () => {
    const main = startMainProcess({ PORT: '0', DATA_DIR: dataDir });
    const url = await main.ready();

    const clients = await Promise.all([1, 2].map(() => CableClient.connect(url, { origin: url })));
    for (const client of clients) {
      expect(await client.nextNonPing()).toEqual({ type: 'welcome' });
      client.subscribe(graphqlIdentifier('sigterm'));
      await client.nextNonPing();
    }
    main.child.kill('SIGTERM');
    for (const client of clients) {
      expect(await client.nextNonPing()).toEqual({
        type: 'disconnect',
        reason: 'server_restart',
        reconnect: true,
      });
      expect((await client.waitForClose()).code).toBe(1000);
    }
    expect(await main.exit, main.output()).toBe(0);
  }, 60_000);

  it('spreads the server_restart disconnects over CABLE_DRAIN_SECONDS', async () => {
    const main = startMainProcess({ PORT: '0', DATA_DIR: dataDir, CABLE_DRAIN_SECONDS: '1' });
    const url = await main.ready();
    const clients = await Promise.all(
      [1, 2, 3, 4].map(() => CableClient.connect(url, { origin: url })),
    );
    for (const client of clients) expect(await client.nextNonPing()).toEqual({ type: 'welcome' });

    main.child.kill('SIGTERM');
    const arrivals: number[] = [];
    for (const client of clients) {
      expect(await client.nextNonPing()).toMatchObject({ reason: 'server_restart' });
      arrivals.push(Date.now());
    }
    // Four batches spaced 250 ms apart: the last leaves at least 750 ms after the first.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(500);
    expect(await main.exit, main.output()).toBe(0);
  }, 60_000);

  it('refuses an invalid setting with one line naming the variable', async () => {
    const main = startMainProcess({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(await main.exit).toBe(1);
    expect(main.output()).toContain(
      'Configuration error: PORT must be an integer from 0 to 65535, got "eighty"',
    );
  });
});
