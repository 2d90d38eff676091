/**
 * `auth0-server-ts/testing`: the store conformance suites. Every store in this repository passes
 * them; run them against your own store (SQL, DynamoDB, ...) to show it keeps the contract the
 * ServerClient relies on (docs/multi-instance.md, "The store contract").
 *
 * - {@link stateStoreConformance}: a `stateStore` (`StatefulStateStore` over your `SessionStore`, or
 *   your own `StateStore`), through cookies of a simulated browser.
 * - {@link sessionStoreConformance}: a `SessionStore` backend; {@link transactionStoreConformance},
 *   {@link replayStoreConformance}, {@link coordinatorConformance}: the other shared stores.
 *
 * - {@link MemoryStateStore}: a `stateStore` in a `Map`, one session per cookie name for everyone, for
 *   tests and scripts that drive one user.
 * - {@link TestSessions}: sessions without a login, for tests of an app (docs/testing.md): the
 *   `Cookie` header of a cookie session, or a session written into the app's backend (Redis
 *   included); {@link writeStorageState} and {@link loginWithEmulator} for Playwright.
 *
 * The suites are framework-neutral: they take your test runner's `describe` and `it` and assert
 * with `node:assert`, so vitest, jest, mocha and `node:test` all work. Node only.
 *
 * @packageDocumentation
 */
export {
  sessionStoreConformance,
  transactionStoreConformance,
  replayStoreConformance,
  coordinatorConformance,
  type SessionStoreConformanceOptions,
  type TransactionStoreFactory,
} from './conformance.js';
export {
  stateStoreConformance,
  type StateStoreFactory,
  type StateStoreConformanceOptions,
} from './state-store.js';
export { MemoryStateStore } from '../stores/memory-state-store.js';
export type { TestBrowser } from './browser.js';
export type { TestApi, TestClock, StoreFactory } from './shared.js';
export {
  TestSessions,
  type TestSessionsOptions,
  type TestSessionInput,
  type TestTokenSet,
  type TestSession,
  type TestCookie,
} from './sessions.js';
export {
  storageState,
  writeStorageState,
  loginWithEmulator,
  type StorageState,
  type LoginPage,
  type EmulatorLoginOptions,
} from './playwright.js';
