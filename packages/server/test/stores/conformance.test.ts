import { describe, it } from 'vitest';
import { ReplayCache } from '../../src/lib/replay-cache.js';
import {
  CookieTransactionStore,
  MemorySessionStore,
  MemoryStateStore,
  MemoryTransactionStore,
  StatefulStateStore,
  StatelessStateStore,
  type SessionStore,
} from '../../src/stores/index.js';
import {
  replayStoreConformance,
  sessionStoreConformance,
  stateStoreConformance,
  transactionStoreConformance,
} from '../../src/testing/index.js';

const secret = 'a-conformance-secret-of-at-least-32-chars';
const api = { describe, it };

/** A session backend whose every call fails, as one behind a network outage does. */
function unreachableBackend(): SessionStore {
  const down = () => Promise.reject(new Error('ECONNREFUSED'));
  return { get: down, set: down, update: down, delete: down, deleteByLogoutToken: down };
}

sessionStoreConformance('MemorySessionStore', () => new MemorySessionStore(), api);
transactionStoreConformance('MemoryTransactionStore', () => new MemoryTransactionStore(), api);
transactionStoreConformance(
  'CookieTransactionStore',
  (cookies) => new CookieTransactionStore({ secret }, cookies),
  api,
);
replayStoreConformance('the default replay cache', () => new ReplayCache(), api);

stateStoreConformance('MemoryStateStore', () => new MemoryStateStore(), api, { lifetime: false });
stateStoreConformance('StatelessStateStore', (cookies) => new StatelessStateStore({ secret }, cookies), api, {
  backchannelLogout: false,
});
stateStoreConformance(
  'StatefulStateStore over MemorySessionStore',
  (cookies) => new StatefulStateStore({ secret, store: new MemorySessionStore() }, cookies),
  api,
  { unreachable: (cookies) => new StatefulStateStore({ secret, store: unreachableBackend() }, cookies) },
);
