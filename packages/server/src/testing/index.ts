/**
 * `auth0-server-ts/testing`: the store conformance suites. Every store in this repository passes
 * them; run them against your own store (SQL, DynamoDB, ...) to show it keeps the contract the
 * ServerClient relies on (docs/multi-instance.md, "The store contract").
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
  type TestApi,
  type StoreFactory,
} from './conformance.js';
