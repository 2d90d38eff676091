import { S as SessionStore } from '../session-store-gaAjRqOa.js';
import { E as EncryptedStoreOptions } from '../options-CTJe0A-j.js';
import { b as StateData, L as LogoutTokenClaims, c as TransactionStore, d as TransactionData, R as ReplayStore, g as SessionCoordinator } from '../coordinator-dbNHAbIA.js';
import { Redis, Cluster } from 'ioredis';

/**
 * The Redis client the stores run on: an `ioredis` `Redis` (standalone, or Sentinel through its
 * `sentinels` option) or `Cluster`, created, configured and closed by the application.
 */
type RedisClient = Redis | Cluster;
/** What every Redis store of this package takes. */
interface RedisConnectionOptions {
    /** The application's client; the store never connects or quits it. */
    client: RedisClient;
    /** Put before every key, so several apps (or test runs) can share one Redis. Default `'a0:'`. */
    prefix?: string;
    /**
     * Milliseconds one store operation may take before it fails with `StoreError`
     * `store_unavailable` (ioredis otherwise queues commands while it reconnects). Default 2 000.
     */
    timeoutMs?: number;
}

/** Lease and wait of a Redis lock. */
interface LockTiming {
    /**
     * Milliseconds the lock outlives a holder that stops renewing it (a crashed process). A live holder
     * renews it every third of this. Default 5 000.
     */
    leaseMs?: number;
    /** Milliseconds a caller waits for the lock before `StoreError` `lock_timeout`. Default 15 000. */
    waitMs?: number;
}

/** Options of a {@link RedisSessionStore}. */
interface RedisSessionStoreOptions extends RedisConnectionOptions, EncryptedStoreOptions, LockTiming {
}
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
declare class RedisSessionStore<TStoreOptions = unknown> implements SessionStore<TStoreOptions> {
    #private;
    /** @throws {TypeError} naming `client`, `secret`, `prefix`, `timeoutMs`, `leaseMs` or `waitMs` when malformed. */
    constructor(options: RedisSessionStoreOptions);
    /**
     * The session under `id`, or `undefined` when there is none (or its value cannot be opened with the
     * configured secrets).
     *
     * @throws {StoreError} `store_unavailable`.
     */
    get(id: string): Promise<StateData | undefined>;
    /**
     * Stores a new session under `id` for `ttlSeconds` (default: one day) and indexes it.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    set(id: string, data: StateData, ttlSeconds?: number): Promise<void>;
    /**
     * Replaces the session under `id` only if it still exists, restarting its TTL; `false` when it is gone.
     *
     * @throws {StoreError} `lock_timeout` when called inside {@link withLock} after the lease was lost;
     *   `store_unavailable`.
     */
    update(id: string, data: StateData, ttlSeconds: number): Promise<boolean>;
    /**
     * Removes the session under `id` and its index entries.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    delete(id: string): Promise<void>;
    /**
     * Removes every session the validated logout token names, found through the `sid` index (or the
     * `sub` index when the token has no `sid`), each checked with its full claims before it is deleted.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    deleteByLogoutToken(claims: LogoutTokenClaims): Promise<void>;
    /**
     * Runs `fn` holding session `id`'s lock across processes; `update` inside it is fenced.
     *
     * @throws {StoreError} `lock_timeout` after `waitMs`; `store_unavailable`.
     */
    withLock<T>(id: string, fn: () => Promise<T>): Promise<T>;
}

/** Options of a {@link RedisTransactionStore}. */
interface RedisTransactionStoreOptions extends RedisConnectionOptions, EncryptedStoreOptions {
    /** Seconds a login may take from start to callback. Default 900 (15 minutes). */
    ttl?: number;
}
/**
 * Login transactions on Redis, so a login started on one instance completes on any other: one key
 * per login (`<prefix>tx:<hash of the identifier>`), encrypted with the SDK's secret, expiring after
 * `ttl`. Every Redis failure is a `StoreError` `store_unavailable`: the ServerClient reports it as
 * such, never as `missing_transaction`.
 *
 * @example
 * ```ts
 * const transactionStore = new RedisTransactionStore({ client: redis, secret: process.env.AUTH0_SECRET! });
 * ```
 */
declare class RedisTransactionStore<TStoreOptions = unknown> implements TransactionStore<TStoreOptions> {
    #private;
    /** @throws {TypeError} naming `client`, `secret`, `prefix`, `timeoutMs` or `ttl` when malformed. */
    constructor(options: RedisTransactionStoreOptions);
    /**
     * The transaction under `identifier`, or `undefined`.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    get(identifier: string): Promise<TransactionData | undefined>;
    /**
     * Stores the transaction for `ttl` seconds.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    set(identifier: string, data: TransactionData): Promise<void>;
    /**
     * Removes the transaction under `identifier`.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    delete(identifier: string): Promise<void>;
}

/**
 * A {@link ReplayStore} on Redis: a logout token's `jti` is accepted once across every instance
 * that shares the Redis (`SET … NX PXAT`, one atomic command per token).
 *
 * @example
 * ```ts
 * const client = new ServerClient({ ...options, replayStore: new RedisReplayStore({ client: redis }) });
 * ```
 */
declare class RedisReplayStore implements ReplayStore {
    #private;
    /** @throws {TypeError} naming `client`, `prefix` or `timeoutMs` when malformed. */
    constructor(options: RedisConnectionOptions);
    /**
     * Whether `id` is recorded and not expired.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    has(id: string): Promise<boolean>;
    /**
     * Records `id` until `expiresAt` (Unix ms); `false` when another call recorded it first.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    add(id: string, expiresAt: number): Promise<boolean>;
    /**
     * Forgets `id`.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    remove(id: string): Promise<void>;
}

/** Options of a {@link RedisCoordinator}. */
interface RedisCoordinatorOptions extends RedisConnectionOptions, LockTiming {
}
/**
 * A {@link SessionCoordinator} on Redis: give it to the ServerClient as `coordinator` and every
 * instance takes the same per-session lock (a lease with a fencing token; a crashed holder blocks
 * others for at most `leaseMs`; callers wait at most `waitMs`), and a refresh answer is shared,
 * encrypted by the client, with the instances that waited, so the refresh token is redeemed once.
 * Works with stateless cookie sessions (locked by the session's `internal.sid`) and stateful ones.
 *
 * Keys: `<prefix>c:{<hash of the lock name>}:lock`, `:fence` and `:share:<name>`, one hash slot per
 * lock, so the fenced share is one Cluster-safe script.
 *
 * @example
 * ```ts
 * const client = new ServerClient({ ...options, coordinator: new RedisCoordinator({ client: redis }) });
 * ```
 */
declare class RedisCoordinator implements SessionCoordinator {
    #private;
    /** @throws {TypeError} naming `client`, `prefix`, `timeoutMs`, `leaseMs` or `waitMs` when malformed. */
    constructor(options: RedisCoordinatorOptions);
    /**
     * Runs `fn` holding the lock `key` in every instance.
     *
     * @throws {StoreError} `lock_timeout` after `waitMs`; `store_unavailable`.
     */
    withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
    /**
     * Shares `value` as `name` under `key` for `ttlSeconds`, if this call still holds `key`'s lock.
     *
     * @throws {StoreError} `lock_timeout` when the lock is not held (any more); `store_unavailable`.
     */
    share(key: string, name: string, value: string, ttlSeconds: number): Promise<void>;
    /**
     * The value shared as `name` under `key`, or `undefined`.
     *
     * @throws {StoreError} `store_unavailable`.
     */
    shared(key: string, name: string): Promise<string | undefined>;
}

export { type LockTiming, type RedisClient, type RedisConnectionOptions, RedisCoordinator, type RedisCoordinatorOptions, RedisReplayStore, RedisSessionStore, type RedisSessionStoreOptions, RedisTransactionStore, type RedisTransactionStoreOptions };
