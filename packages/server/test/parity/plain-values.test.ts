import { describe, expect, it } from 'vitest';
import { ServerClient } from '../../src/index.js';
import type { StateData, StateStore, TransactionData, TransactionStore } from '../../src/types.js';
import { tenantClientOptions } from '../helpers/client.js';
import { createFakeTenant } from '../helpers/fake-tenant.js';

// Stores written in plain JavaScript against @auth0/auth0-server-js often return values rather than
// promises; the peer awaits whatever comes back, so such a store works there.
function plainTransactionStore() {
  const map = new Map<string, TransactionData>();
  return {
    get: (id: string) => map.get(id),
    set: (id: string, data: TransactionData) => void map.set(id, data),
    delete: (id: string) => void map.delete(id),
  };
}

function plainStateStore() {
  const map = new Map<string, StateData>();
  return {
    map,
    get: (id: string) => map.get(id),
    set: (id: string, data: StateData) => void map.set(id, data),
    delete: (id: string) => void map.delete(id),
    deleteByLogoutToken: () => undefined,
  };
}

describe('stores whose methods return plain values', () => {
  it('carry a whole login, a read and a logout', async () => {
    const tenant = await createFakeTenant();
    const stateStore = plainStateStore();
    const client = new ServerClient({
      ...tenantClientOptions(tenant),
      // The declared interfaces say Promise; these stores are what a JavaScript user writes.
      stateStore: stateStore as unknown as StateStore<unknown>,
      transactionStore: plainTransactionStore() as unknown as TransactionStore<unknown>,
    });
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(await tenant.authorize(url));
    expect((await client.getUser())?.sub).toBeTypeOf('string');
    await client.logout();
    expect(stateStore.map.size).toBe(0);
    expect(await client.getSession()).toBeUndefined();
  });
});
