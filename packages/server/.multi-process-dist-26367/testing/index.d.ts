import { a as CookieHandler, c as TransactionStore, g as SessionCoordinator, R as ReplayStore, S as StateStore } from '../coordinator-dbNHAbIA.js';
import { S as SessionStore } from '../session-store-gaAjRqOa.js';

/**
 * One browser in the conformance suites: its cookies. The suites pass it as `storeOptions`, and
 * {@link testCookies} reads and writes it, so a cookie a store sets is what the next call sees.
 */
interface TestBrowser {
    readonly cookies: Map<string, string>;
}

/**
 * The two functions of a test runner the suites register their tests with (vitest's, jest's,
 * mocha's or `node:test`'s `describe` and `it`).
 */
interface TestApi {
    describe(name: string, fn: () => void): unknown;
    it(name: string, fn: () => Promise<void>, timeoutMs?: number): unknown;
}
/** Makes a fresh, empty store for one test (a unique key prefix, a new table, ...). */
type StoreFactory<T> = () => T | Promise<T>;

/**
 * Registers the {@link SessionStore} contract: reads give back what was written (as copies), the TTL
 * ends a session, `update` never recreates a deleted session, back-channel logout by `sid` and by
 * `sub` is exact, and `withLock` (when the store has it) excludes concurrent holders. With
 * `unreachable` (a store whose backend cannot be reached), an outage is thrown, never read as no session.
 *
 * @example
 * ```ts
 * sessionStoreConformance('MySqlSessionStore', () => new MySqlSessionStore(pool), { describe, it });
 * ```
 */
declare function sessionStoreConformance(name: string, factory: StoreFactory<SessionStore>, { describe, it }: TestApi, options?: {
    unreachable?: StoreFactory<SessionStore>;
}): void;
/**
 * Makes a fresh transaction store for one test over the suite's cookie handler (a store that keeps
 * nothing in cookies ignores it, so `() => new MyStore()` will do).
 *
 * @example
 * ```ts
 * const factory: TransactionStoreFactory = (cookies) => new CookieTransactionStore({ secret }, cookies);
 * ```
 */
type TransactionStoreFactory = (cookies: CookieHandler<TestBrowser>) => TransactionStore<TestBrowser> | Promise<TransactionStore<TestBrowser>>;
/**
 * Registers the {@link TransactionStore} contract: set, get (a copy), delete, per identifier (two
 * logins in two tabs never overwrite each other); unknown or unreadable entries read as
 * `undefined`; the PKCE verifier is never in clear in a cookie; under the ServerClient's browser
 * binding, a transaction completes only in the browser that started it, and one browser keeps at
 * most three pending logins in the store (the newest); with `unreachable` (a store whose
 * backend cannot be reached), an outage is thrown, never read as a missing transaction.
 *
 * @example
 * ```ts
 * transactionStoreConformance('MyTransactionStore', () => new MyTransactionStore(), { describe, it });
 * ```
 */
declare function transactionStoreConformance(name: string, factory: TransactionStoreFactory, { describe, it }: TestApi, options?: {
    unreachable?: TransactionStoreFactory;
}): void;
/**
 * Registers the {@link ReplayStore} contract: `has` tells whether an id is recorded; an id is
 * recorded once, also by concurrent callers, and forgotten by `remove`.
 *
 * @example
 * ```ts
 * replayStoreConformance('MyReplayStore', () => new MyReplayStore(), { describe, it });
 * ```
 */
declare function replayStoreConformance(name: string, factory: StoreFactory<ReplayStore>, { describe, it }: TestApi): void;
/**
 * Registers the {@link SessionCoordinator} contract: mutual exclusion per key, values shared only
 * by the lock holder and readable afterwards.
 *
 * @example
 * ```ts
 * coordinatorConformance('MyCoordinator', () => new MyCoordinator(), { describe, it });
 * ```
 */
declare function coordinatorConformance(name: string, factory: StoreFactory<SessionCoordinator>, { describe, it }: TestApi): void;

/**
 * Makes a fresh state store for one test over the suite's cookie handler (a store that keeps
 * nothing in cookies ignores it).
 *
 * @example
 * ```ts
 * const factory: StateStoreFactory = (cookies) => new StatelessStateStore({ secret }, cookies);
 * ```
 */
type StateStoreFactory = (cookies: CookieHandler<TestBrowser>) => StateStore<TestBrowser> | Promise<StateStore<TestBrowser>>;
/**
 * What a state store offers beyond the common contract, so the suite checks it (or checks that
 * it refuses clearly).
 *
 * @example
 * ```ts
 * const options: StateStoreConformanceOptions = { backchannelLogout: false };
 * ```
 */
interface StateStoreConformanceOptions {
    /**
     * Whether the server can find and end sessions (back-channel logout, a login that revokes the
     * previous session). Default `true`; `false` for cookie-only sessions, whose
     * `deleteByLogoutToken` must then throw `BackchannelLogoutError` `backchannel_logout_unsupported`.
     */
    backchannelLogout?: boolean;
    /**
     * Whether the store ends a session at its absolute lifetime (the session options'
     * `absoluteDuration`, default 3 days). Default `true`; only test stores say `false`.
     */
    lifetime?: boolean;
    /** A store whose backend cannot be reached: then `get` and `set` must throw, never read as "no session". */
    unreachable?: StateStoreFactory;
}
/**
 * Registers the `StateStore` contract (what the ServerClient's `stateStore` must do): a session
 * reads back as written, per identifier and per browser, and as a copy; a new login replaces the
 * previous session; `delete` ends it; unreadable cookies read as no session and never throw; no
 * token appears in clear in a cookie; the absolute lifetime ends a session; back-channel logout is
 * exact (or refused clearly); `withLock`, when offered, excludes; a backend outage is thrown.
 *
 * @example
 * ```ts
 * stateStoreConformance('StatefulStateStore over MySessionStore',
 *   (cookies) => new StatefulStateStore({ secret, store: new MySessionStore() }, cookies), { describe, it });
 * ```
 */
declare function stateStoreConformance(name: string, factory: StateStoreFactory, { describe, it }: TestApi, options?: StateStoreConformanceOptions): void;

export { type StateStoreConformanceOptions, type StateStoreFactory, type StoreFactory, type TestApi, type TestBrowser, type TransactionStoreFactory, coordinatorConformance, replayStoreConformance, sessionStoreConformance, stateStoreConformance, transactionStoreConformance };
