import { AsyncLocalStorage } from 'node:async_hooks';
import { createSealer, type Sealer } from '../crypto/index.js';
import { StoreError } from '../errors/store-error.js';
import { matchesLogoutToken } from '../stores/logout-match.js';
import type { SessionStore } from '../stores/session-store.js';
import { isStateData } from '../session/state-data.js';
import type { EncryptedStoreOptions } from '../stores/options.js';
import { secretList } from '../lib/validate.js';
import type { LogoutTokenClaims, StateData } from '../types.js';
import { Connection, hashed, Script, type RedisConnectionOptions } from './connection.js';
import { RedisLock, type Lease, type LockTiming } from './lock.js';
import { redactedView } from '../lib/redact.js';

/** Options of a {@link RedisSessionStore}. */
export interface RedisSessionStoreOptions extends RedisConnectionOptions, EncryptedStoreOptions, LockTiming {}

// KEYS: index set. ARGV: member, ttl ms. The index never expires before the sessions it lists.
const INDEX = new Script(`
redis.call('SADD', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1`);
// KEYS: session, its lock. ARGV: value, ttl ms, lease token ('' = not under the lock).
// -1: the caller's lease was lost; 0: the session is gone (never recreated); 1: written.
const UPDATE = new Script(`
if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[3] then return -1 end
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'XX') then return 1 end
return 0`);

/**
 * A {@link SessionStore} on Redis (standalone, Sentinel or Cluster, through the application's
 * `ioredis` client), for a `StatefulStateStore`:
 *
 * - Each session is one key, `<prefix>s:{<id>}`, whose value is the session encrypted with the SDK's
 *   secret (JWE `A256GCM`, a key derived for this purpose), with the TTL the state store gives: the
 *   inactivity window of a rolling session, never past its absolute lifetime; each write restarts it.
 * - `update` writes with `SET … XX` inside a script, so a session deleted meanwhile (logout,
 *   back-channel logout, expiry) is never brought back; inside {@link withLock} the same script also
 *   checks that this process still holds the lock (a fencing check), else `StoreError` `lock_timeout`.
 * - Index sets by the ID token's `sid` and the user's `sub` (`<prefix>sid:<hash>`, `<prefix>sub:<hash>`,
 *   hashed: no user id appears in a key) make back-channel logout exact without a scan. Index entries
 *   are written before the session, so a logout never misses a session; entries left by sessions
 *   that ended are pruned when a logout reads them, and the sets expire with their last session.
 * - `withLock` is a lease lock with a fencing token (`<prefix>s:{<id>}:lock`) in the session's hash
 *   slot; a crashed holder blocks others for at most `leaseMs`.
 *
 * Every Redis failure is a `StoreError` `store_unavailable`, never "no session".
 *
 * @example
 * ```ts
 * const stateStore = new StatefulStateStore({ secret, store: new RedisSessionStore({ client: redis, secret }) }, cookies);
 * ```
 */
export class RedisSessionStore<TStoreOptions = unknown> implements SessionStore<TStoreOptions> {
  readonly #redis: Connection;
  readonly #sealer: Sealer;
  readonly #lock: RedisLock;
  readonly #held = new AsyncLocalStorage<Lease>();

  static {
    // Logged, it shows its key prefix only: never the Redis client (and its password), a secret or data.
    redactedView(RedisSessionStore, (self) => ({ prefix: self.#redis.prefix }));
  }

  /** @throws {TypeError} naming `client`, `secret`, `prefix`, `timeoutMs`, `leaseMs` or `waitMs` when malformed. */
  constructor(options: RedisSessionStoreOptions) {
    this.#redis = new Connection(options);
    this.#sealer = createSealer(secretList(options.secret), 'session-store');
    this.#lock = new RedisLock(this.#redis, options);
  }

  /**
   * The session under `id`, or `undefined` when there is none (or its value cannot be opened with the
   * configured secrets).
   */
  async get(id: string): Promise<StateData | undefined> {
    const value = await this.#redis.command('GET', [this.#key(id)]);
    return typeof value === 'string' ? this.#open(value) : undefined;
  }

  /** Stores a new session under `id` for `ttlSeconds` (default: one day) and indexes it. */
  async set(id: string, data: StateData, ttlSeconds = 86_400): Promise<void> {
    const ttl = ttlMs(ttlSeconds);
    await this.#index(id, data, ttl);
    await this.#redis.command('SET', [
      this.#key(id),
      await this.#sealer.seal({ s: data }, sealTtl(ttlSeconds)),
      'PX',
      ttl,
    ]);
  }

  /**
   * Replaces the session under `id` only if it still exists, restarting its TTL; `false` when it is gone.
   *
   * @throws {StoreError} `lock_timeout` when called inside {@link withLock} after the lease was lost;
   *   `store_unavailable`.
   */
  async update(id: string, data: StateData, ttlSeconds: number): Promise<boolean> {
    const ttl = ttlMs(ttlSeconds);
    await this.#index(id, data, ttl);
    const lease = this.#held.getStore();
    const token = lease && lease.key === this.#lockKey(id) ? lease.token : '';
    const sealed = await this.#sealer.seal({ s: data }, sealTtl(ttlSeconds));
    const written = Number(
      await this.#redis.eval(UPDATE, [this.#key(id), this.#lockKey(id)], [sealed, ttl, token]),
    );
    if (written === -1) {
      throw new StoreError('lock_timeout', 'The session lock was lost before the write; nothing was written');
    }
    return written === 1;
  }

  /** Removes the session under `id` and its index entries. */
  async delete(id: string): Promise<void> {
    const state = await this.get(id);
    await this.#redis.command('DEL', [this.#key(id)]);
    if (state) await this.#unindex(id, state);
  }

  /**
   * Removes every session the validated logout token names, found through the `sid` index (or the
   * `sub` index when the token has no `sid`), each checked with its full claims before it is deleted.
   */
  async deleteByLogoutToken(claims: LogoutTokenClaims): Promise<void> {
    const index =
      claims.sid !== undefined
        ? this.#indexKey('sid', claims.sid)
        : claims.sub !== undefined
          ? this.#indexKey('sub', claims.sub)
          : undefined;
    if (index === undefined) return;
    const ids = await this.#redis.command('SMEMBERS', [index]);
    for (const id of Array.isArray(ids) ? ids : []) {
      if (typeof id !== 'string') continue;
      const state = await this.get(id);
      if (!state) {
        await this.#redis.command('SREM', [index, id]);
      } else if (matchesLogoutToken(state, claims)) {
        await this.#redis.command('DEL', [this.#key(id)]);
        await this.#unindex(id, state);
      }
    }
  }

  /**
   * Runs `fn` holding session `id`'s lock across processes; `update` inside it is fenced.
   *
   * @throws {StoreError} `lock_timeout` after `waitMs`; `store_unavailable`.
   */
  withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.#lock.run(this.#lockKey(id), `${this.#key(id)}:fence`, (lease) => this.#held.run(lease, fn));
  }

  async #open(value: string): Promise<StateData | undefined> {
    const opened = await this.#sealer.unseal(value);
    const state = opened.ok ? opened.payload['s'] : undefined;
    return isStateData(state) ? state : undefined;
  }

  async #index(id: string, data: StateData, ttl: number): Promise<void> {
    for (const key of this.#indexKeys(data)) await this.#redis.eval(INDEX, [key], [id, ttl]);
  }

  async #unindex(id: string, data: StateData): Promise<void> {
    for (const key of this.#indexKeys(data)) await this.#redis.command('SREM', [key, id]);
  }

  #indexKeys(data: StateData): string[] {
    const keys: string[] = [];
    const sid = data.user?.['sid'];
    if (typeof sid === 'string') keys.push(this.#indexKey('sid', sid));
    if (data.user?.sub !== undefined) keys.push(this.#indexKey('sub', data.user.sub));
    return keys;
  }

  #indexKey(kind: 'sid' | 'sub', value: string): string {
    return `${this.#redis.prefix}${kind}:${hashed(value)}`;
  }

  #key(id: string): string {
    // The id comes from the encrypted cookie (random base64url); hashed all the same, so no value
    // can carry braces into the hash tag.
    return `${this.#redis.prefix}s:{${hashed(id)}}`;
  }

  #lockKey(id: string): string {
    return `${this.#key(id)}:lock`;
  }
}

/** Seconds to whole milliseconds, at least one. */
function ttlMs(seconds: number): number {
  return Math.max(1, Math.floor(seconds * 1000));
}

/**
 * The expiry sealed into the value: Redis's TTL ends the session; the sealed one (whole seconds)
 * only backs it up, so it must never end it first.
 */
function sealTtl(seconds: number): number {
  return Math.ceil(seconds) + 1;
}
