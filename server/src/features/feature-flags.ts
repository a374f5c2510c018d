/**
 * Feature flags read on the hot path and changed at run time (GitLab's `Feature.enabled?` with
 * boolean gates). Every process keeps the flags in memory: loaded at start, reloaded when any
 * process announces a change on the pub/sub stream, and every 30 s in case a message was lost.
 *
 * @example
 *   const flags = await FeatureFlags.start({ db, pubsub, logger });
 *   if (flags.isEnabled('broadcast_issue_updates')) await trigger();
 *   await flags.set('real_time_issue_sidebar', false, { id: 1, username: 'root' });
 */
import type { Logger } from 'pino';

import {
  FEATURE_FLAG_NAMES,
  FEATURE_FLAGS,
  isFeatureFlagName,
  type FeatureFlagName,
} from '@shared/feature-flags.js';

import type { AppDatabase } from '../db/database.js';
import type { PubSubEngine } from 'graphql-subscriptions';

import { FeatureGateStore } from './feature-gate-store.js';

/** Where processes announce "the flags changed, reload them" (own stream, next to the cable's). */
export const FEATURES_STREAM = 'features/changed';
/** Safety net for a change message that never arrived (pub/sub down at that moment). */
export const DEFAULT_REFRESH_INTERVAL_MS = 30_000;
/** Every flag here is on until someone turns it off. */
const DEFAULT_ENABLED = true;

export class UnknownFeatureFlagError extends Error {
  constructor(readonly flag: string) {
    super(`Unknown feature flag '${flag}'; known flags: ${FEATURE_FLAG_NAMES.join(', ')}`);
    this.name = 'UnknownFeatureFlagError';
  }
}

export interface FeatureFlagState {
  name: FeatureFlagName;
  enabled: boolean;
  /** No one set it (or it was reset): `enabled` is the default. */
  isDefault: boolean;
  description: string;
}

/** Who changed a flag, for the log line and the `updated_by_id` column. */
export interface FeatureFlagActor {
  id: number;
  username: string;
}

export interface FeatureFlagsOptions {
  db: AppDatabase;
  pubsub: PubSubEngine;
  logger: Logger;
  refreshIntervalMs?: number;
}

export class FeatureFlags {
  private overrides = new Map<FeatureFlagName, boolean>();
  private readonly store: FeatureGateStore;
  private readonly listeners = new Set<() => void>();
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  private closed = false;
  private readonly onMessage = () => this.requestReload();
  private subscription: number | undefined;

  private constructor(private readonly options: FeatureFlagsOptions) {
    this.store = new FeatureGateStore(options.db);
  }

  /** Subscribes to change messages, then loads (so no change falls between the two). */
  static async start(options: FeatureFlagsOptions): Promise<FeatureFlags> {
    const flags = new FeatureFlags(options);
    flags.subscription = await options.pubsub.subscribe(FEATURES_STREAM, flags.onMessage, {});
    try {
      await flags.reload();
    } catch (error) {
      options.pubsub.unsubscribe(flags.subscription);
      throw error;
    }
    const interval = options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    flags.refreshTimer = setInterval(() => flags.requestReload(), interval);
    flags.refreshTimer.unref();
    return flags;
  }

  /** Synchronous, from memory: safe on every request and every trigger. */
  isEnabled(name: FeatureFlagName): boolean {
    assertKnown(name);
    return this.overrides.get(name) ?? DEFAULT_ENABLED;
  }

  list(): FeatureFlagState[] {
    return FEATURE_FLAG_NAMES.map((name) => this.state(name));
  }

  state(name: string): FeatureFlagState {
    assertKnown(name);
    const override = this.overrides.get(name);
    return {
      name,
      enabled: override ?? DEFAULT_ENABLED,
      isDefault: override === undefined,
      description: FEATURE_FLAGS[name],
    };
  }

  /** Stores the flag, applies it here at once and tells every other process to reload. */
  async set(name: string, enabled: boolean, actor: FeatureFlagActor | null): Promise<void> {
    assertKnown(name);
    await this.store.set(name, enabled, actor?.id ?? null);
    this.apply(new Map(this.overrides).set(name, enabled));
    this.options.logger.info({ flag: name, enabled, userId: actor?.id }, 'feature flag set');
    await this.announce();
  }

  /** Back to the default (the row is deleted), here and everywhere. */
  async reset(name: string, actor: FeatureFlagActor | null): Promise<void> {
    assertKnown(name);
    await this.store.remove(name);
    const next = new Map(this.overrides);
    next.delete(name);
    this.apply(next);
    this.options.logger.info({ flag: name, userId: actor?.id }, 'feature flag reset');
    await this.announce();
  }

  /** Runs `listener` after each reload that changed a flag; returns its remover. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.refreshTimer);
    if (this.subscription !== undefined) this.options.pubsub.unsubscribe(this.subscription);
    this.subscription = undefined;
    await this.reloading;
  }

  /** Reads every gate from the database and swaps the in-memory copy. */
  async reload(): Promise<void> {
    const rows = await this.store.all();
    const next = new Map<FeatureFlagName, boolean>();
    for (const row of rows) if (isFeatureFlagName(row.name)) next.set(row.name, row.enabled);
    if (this.apply(next)) {
      this.options.logger.info({ flags: this.snapshot() }, 'feature flags reloaded');
    }
  }

  /** Swaps in `next`; tells the listeners and answers true when a flag changed. */
  private apply(next: Map<FeatureFlagName, boolean>): boolean {
    const changed = FEATURE_FLAG_NAMES.some((name) => next.get(name) !== this.overrides.get(name));
    this.overrides = next;
    if (changed) for (const listener of [...this.listeners]) listener();
    return changed;
  }

  private snapshot(): Record<string, boolean> {
    return Object.fromEntries(FEATURE_FLAG_NAMES.map((name) => [name, this.isEnabled(name)]));
  }

  /**
   * The write is committed: a pub/sub failure must not fail it. Other processes then catch up
   * at their next periodic refresh.
   */
  private async announce(): Promise<void> {
    try {
      await this.options.pubsub.publish(FEATURES_STREAM, JSON.stringify({ type: 'changed' }));
    } catch (error) {
      this.options.logger.warn(
        { err: error },
        'feature flag change not announced; other processes pick it up at their next refresh',
      );
    }
  }

  /** One reload at a time; a request during one runs another after it (it may have missed it). */
  private requestReload(): void {
    if (this.closed) return;
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          await this.reload();
        } catch (error) {
          this.options.logger.warn({ err: error }, 'feature flags reload failed; keeping the last');
        }
      } while (this.reloadAgain && !this.closed);
      this.reloading = undefined;
    })();
  }
}

function assertKnown(name: string): asserts name is FeatureFlagName {
  if (!isFeatureFlagName(name)) throw new UnknownFeatureFlagError(name);
}
