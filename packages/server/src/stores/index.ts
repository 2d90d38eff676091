export { StatelessStateStore, type StatelessStateStoreOptions } from './stateless-state-store.js';
export { StatefulStateStore, type StatefulStateStoreOptions } from './stateful-state-store.js';
export { CookieTransactionStore, type CookieTransactionStoreOptions } from './cookie-transaction-store.js';
export { MemoryStateStore } from './memory-state-store.js';
export { MemoryTransactionStore } from './memory-transaction-store.js';
export { MemorySessionStore } from './memory-session-store.js';
export type { SessionStore } from './session-store.js';
export type { EncryptedStoreOptions } from './options.js';
export { serializeCookie, parseCookieHeader, MAX_COOKIE_BYTES } from './cookie.js';
