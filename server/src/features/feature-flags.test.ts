import { pino } from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';

import { deferred } from '../../test/deferred.js';
import { drivers, useSeededFixture } from '../db/test-fixture.js';
import { featureGates } from '../db/schema.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { MemoryAdapter } from '../pubsub/memory-adapter.js';

import { FeatureFlags, UnknownFeatureFlagError } from './feature-flags.js';

const logger = pino({ level: 'silent' });
const root = { id: 1, username: 'root' };

/** Resolves at the next reload of `flags` that changed a flag. */
function nextChange(flags: FeatureFlags): Promise<void> {
  const changed = deferred();
  const remove = flags.onChange(() => {
    remove();
    changed.resolve();
  });
  return changed.promise;
}

describe.each(drivers)('FeatureFlags on %s', (driver) => {
  const fixture = useSeededFixture(driver);

  async function start(pubsub: PubSub, refreshIntervalMs?: number) {
    const flags = await FeatureFlags.start({
      db: fixture.database.db,
      pubsub,
      logger,
      ...(refreshIntervalMs === undefined ? {} : { refreshIntervalMs }),
    });
    onTestFinished(() => flags.close());
    return flags;
  }

  it('has every flag on by default (no row)', async () => {
    await fixture.database.db.delete(featureGates);
    const flags = await start(new MemoryAdapter());
    expect(flags.isEnabled('real_time_issue_sidebar')).toBe(true);
    expect(flags.isEnabled('broadcast_issue_updates')).toBe(true);
    expect(flags.isEnabled('issue_presence')).toBe(true);
    expect(
      flags.list().map(({ name, enabled, isDefault }) => ({ name, enabled, isDefault })),
    ).toEqual([
      { name: 'real_time_issue_sidebar', enabled: true, isDefault: true },
      { name: 'broadcast_issue_updates', enabled: true, isDefault: true },
      { name: 'issue_presence', enabled: true, isDefault: true },
    ]);
  });

  it('stores a change, applies it at once, and a fresh start reads it back; reset deletes it', async () => {
    const flags = await start(new MemoryAdapter());
    await flags.set('broadcast_issue_updates', false, root);
    expect(flags.isEnabled('broadcast_issue_updates')).toBe(false);
    expect(flags.isEnabled('real_time_issue_sidebar')).toBe(true);

    const rows = await fixture.database.db.select().from(featureGates);
    expect(rows.map(({ name, enabled, updatedById }) => ({ name, enabled, updatedById }))).toEqual([
      { name: 'broadcast_issue_updates', enabled: false, updatedById: 1 },
    ]);
    const restarted = await start(new MemoryAdapter());
    expect(restarted.state('broadcast_issue_updates')).toMatchObject({
      enabled: false,
      isDefault: false,
    });

    await flags.reset('broadcast_issue_updates', root);
    expect(flags.isEnabled('broadcast_issue_updates')).toBe(true);
    expect(await fixture.database.db.select().from(featureGates)).toEqual([]);
  });

  it('a change made by one instance reaches another through the pub/sub', async () => {
    const pubsub = new MemoryAdapter();
    const [a, b] = [await start(pubsub), await start(pubsub)];
    const seen = nextChange(b);
    await a.set('real_time_issue_sidebar', false, root);
    await seen;
    expect(b.isEnabled('real_time_issue_sidebar')).toBe(false);

    const back = nextChange(b);
    await a.reset('real_time_issue_sidebar', root);
    await back;
    expect(b.isEnabled('real_time_issue_sidebar')).toBe(true);
  });

  it('the periodic refresh catches a change whose message was lost', async () => {
    // Separate adapters: b never hears a's announcement, only its own timer reloads.
    const a = await start(new MemoryAdapter());
    const b = await start(new MemoryAdapter(), 50);
    const seen = nextChange(b);
    await a.set('broadcast_issue_updates', false, root);
    await seen;
    expect(b.isEnabled('broadcast_issue_updates')).toBe(false);
    await a.reset('broadcast_issue_updates', root);
  });

  it('refuses unknown flag names with a clear error and writes nothing', async () => {
    const flags = await start(new MemoryAdapter());
    await expect(flags.set('no_such_flag', false, root)).rejects.toThrow(UnknownFeatureFlagError);
    await expect(flags.reset('no_such_flag', root)).rejects.toThrow(
      "Unknown feature flag 'no_such_flag'; known flags: real_time_issue_sidebar, broadcast_issue_updates, issue_presence",
    );
    expect(() => flags.state('no_such_flag')).toThrow(UnknownFeatureFlagError);
    expect(await fixture.database.db.select().from(featureGates)).toEqual([]);
  });

  it('a change commits even when the announcement fails', async () => {
    const failing: PubSub = Object.assign(new MemoryAdapter(), {
      publish: () => Promise.reject(new Error('redis down')),
    });
    const flags = await start(failing);
    await flags.set('real_time_issue_sidebar', false, root);
    expect(flags.isEnabled('real_time_issue_sidebar')).toBe(false);
    const rows = await fixture.database.db.select().from(featureGates);
    expect(rows.map((row) => row.name)).toEqual(['real_time_issue_sidebar']);
    await flags.reset('real_time_issue_sidebar', root);
  });

  it('close() stops listening and leaves no timer behind', async () => {
    const pubsub = new MemoryAdapter();
    const flags = await FeatureFlags.start({ db: fixture.database.db, pubsub, logger });
    expect(pubsub.subscriptionCount).toBe(1);
    await flags.close();
    expect(pubsub.subscriptionCount).toBe(0);
  });
});
