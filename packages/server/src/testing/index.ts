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
export type { TestBrowser } from './browser.js';
export type { TestApi, TestClock, StoreFactory } from './shared.js';
