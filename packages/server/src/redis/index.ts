/**
 * `auth0-server-ts/redis`: sessions, login transactions, logout-token replay protection and
 * cross-instance refresh coordination on Redis, through the application's `ioredis` client
 * (an optional peer dependency). Node only, as `ioredis` is.
 *
 * @packageDocumentation
 */
export { RedisSessionStore, type RedisSessionStoreOptions } from './session-store.js';
export { RedisTransactionStore, type RedisTransactionStoreOptions } from './transaction-store.js';
export { RedisReplayStore } from './replay-store.js';
export { RedisCoordinator, type RedisCoordinatorOptions } from './coordinator.js';
export type { RedisClient, RedisConnectionOptions } from './connection.js';
export type { LockTiming } from './lock.js';
