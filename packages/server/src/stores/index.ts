export { MemoryStateStore } from './memory-state-store.js';
export { MemoryTransactionStore } from './memory-transaction-store.js';
export { MemorySessionStore } from './memory-session-store.js';
export type { SessionStore } from './session-store.js';
