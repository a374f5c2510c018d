import type {
  AccountRecord,
  IdentityRepository,
  SessionRecord,
  TokenRecord,
} from '../domain/identity.js';

/** How long a looked-up session or token is trusted without asking the database again. */
export const CREDENTIAL_CACHE_TTL_MS = 10_000;
/** Most credentials kept; the oldest entry goes first. */
export const CREDENTIAL_CACHE_SIZE = 10_000;

/** Revocations, told to every process sharing the deployment (this one included). */
export interface RevocationChannel {
  /** Announces that `userId`'s sessions or tokens changed. */
  publish(userId: number): Promise<void>;
  /** Calls `listener` for every announcement; returns its remover. */
  subscribe(listener: (userId: number) => void): () => void;
}

type Found =
  | { kind: 'session'; session: SessionRecord; account: AccountRecord }
  | { kind: 'token'; token: TokenRecord; account: AccountRecord };

interface Entry {
  found: Found;
  until: number;
}

/**
 * The identity repository with its credential lookups cached: a page's requests and a storm of
 * connections with one cookie or token cost one read, not one each. Correctness lives where
 * credentials change: a sign-out or a revoked token drops the user's entries here at once and,
 * through the {@link RevocationChannel}, on every other process; `clear()` (after a pub/sub gap,
 * when an announcement may have been lost) drops everything. Whatever changes credentials
 * behind the app's back (a user blocked in the database) is seen within the TTL. Misses are not
 * cached, so a new session or token works at once.
 */
export class CachedCredentials {
  readonly identity: IdentityRepository;
  private readonly entries = new Map<string, Entry>();
  /** Moves on every invalidation, so a lookup that started before one does not store its answer. */
  private epoch = 0;
  private readonly stopListening: () => void;

  constructor(
    inner: IdentityRepository,
    private readonly revocations: RevocationChannel,
    private readonly ttlMs = CREDENTIAL_CACHE_TTL_MS,
    private readonly maxEntries = CREDENTIAL_CACHE_SIZE,
    private readonly now = () => Date.now(),
  ) {
    this.stopListening = revocations.subscribe((userId) => this.forgetUser(userId));
    const overrides: Partial<IdentityRepository> = {
      findLiveSession: (digest) => this.findLiveSession(inner, digest),
      findToken: (digest) => this.findToken(inner, digest),
      touchToken: async (tokenId) => {
        await inner.touchToken(tokenId);
        this.touched(tokenId);
      },
      revokeSession: async (digest) => {
        const userId = await inner.revokeSession(digest);
        this.entries.delete(`session:${digest}`);
        this.epoch += 1;
        if (userId !== null) await this.revoked(userId);
        return userId;
      },
      revokeToken: async (userId, tokenId) => {
        const revoked = await inner.revokeToken(userId, tokenId);
        if (revoked) await this.revoked(userId);
        return revoked;
      },
    };
    this.identity = new Proxy(inner, {
      get(target, property, receiver) {
        const override = overrides[property as keyof IdentityRepository];
        if (override) return override;
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forgets every credential (e.g. after a pub/sub gap: a revocation may have been missed). */
  clear(): void {
    this.entries.clear();
    this.epoch += 1;
  }

  close(): void {
    this.stopListening();
  }

  private async findLiveSession(inner: IdentityRepository, digest: string) {
    const key = `session:${digest}`;
    const cached = this.fresh(key);
    if (cached?.kind === 'session' && cached.session.expiresAt.getTime() > this.now())
      return { session: cached.session, account: cached.account };
    const epoch = this.epoch;
    const found = await inner.findLiveSession(digest);
    if (found && epoch === this.epoch) {
      const until = Math.min(this.now() + this.ttlMs, found.session.expiresAt.getTime());
      this.store(key, { found: { kind: 'session', ...found }, until });
    }
    return found;
  }

  private async findToken(inner: IdentityRepository, digest: string) {
    const key = `token:${digest}`;
    const cached = this.fresh(key);
    if (cached?.kind === 'token') return { token: cached.token, account: cached.account };
    const epoch = this.epoch;
    const found = await inner.findToken(digest);
    if (found && epoch === this.epoch)
      this.store(key, { found: { kind: 'token', ...found }, until: this.now() + this.ttlMs });
    return found;
  }

  private fresh(key: string): Found | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.found;
    this.entries.delete(key);
    return undefined;
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
  }

  /** A token's use was recorded: cached copies say so, or every request would record it again. */
  private touched(tokenId: number): void {
    for (const entry of this.entries.values()) {
      const { found } = entry;
      if (found.kind === 'token' && found.token.id === tokenId)
        entry.found = { ...found, token: { ...found.token, lastUsedAt: new Date(this.now()) } };
    }
  }

  private async revoked(userId: number): Promise<void> {
    this.forgetUser(userId);
    await this.revocations.publish(userId);
  }

  private forgetUser(userId: number): void {
    for (const [key, { found }] of this.entries)
      if (found.account.id === userId) this.entries.delete(key);
    this.epoch += 1;
  }
}
