import { describe, expect, it } from 'vitest';
import {
  AbstractStateStore,
  AbstractTransactionStore,
  ServerClient,
  type LogoutTokenClaims,
  type StateData,
  type TransactionData,
} from '../../src/index.js';
import { SECRET, tenantClientOptions } from '../helpers/client.js';
import { createFakeTenant } from '../helpers/fake-tenant.js';

// A custom store as the peer's README writes one: extend the abstract class, keep the encrypted
// value somewhere, call this.encrypt / this.decrypt. Only the import changes.
const kept = new Map<string, string>();

class KeyValueStateStore extends AbstractStateStore {
  async set(identifier: string, state: StateData): Promise<void> {
    kept.set(identifier, await this.encrypt(identifier, state, Math.floor(Date.now() / 1000) + 3600));
  }
  async get(identifier: string): Promise<StateData | undefined> {
    const value = kept.get(identifier);
    return value === undefined ? undefined : this.decrypt(identifier, value);
  }
  async delete(identifier: string): Promise<void> {
    kept.delete(identifier);
  }
  async deleteByLogoutToken(_claims: LogoutTokenClaims): Promise<void> {}
}

class KeyValueTransactionStore extends AbstractTransactionStore {
  async set(identifier: string, tx: TransactionData): Promise<void> {
    kept.set(identifier, await this.encrypt(identifier, tx, Math.floor(Date.now() / 1000) + 600));
  }
  async get(identifier: string): Promise<TransactionData | undefined> {
    const value = kept.get(identifier);
    return value === undefined ? undefined : this.decrypt(identifier, value);
  }
  async delete(identifier: string): Promise<void> {
    kept.delete(identifier);
  }
}

describe("a custom store on the peer's abstract base classes", () => {
  it('carries a login and a logout, encrypted', async () => {
    const tenant = await createFakeTenant();
    const client = new ServerClient({
      ...tenantClientOptions(tenant),
      stateStore: new KeyValueStateStore({ secret: SECRET }),
      transactionStore: new KeyValueTransactionStore({ secret: SECRET }),
    });
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(await tenant.authorize(url));
    const user = await client.getUser();
    expect(user?.sub).toBeTypeOf('string');
    const sealed = kept.get('__a0_session') ?? '';
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed).not.toContain(user?.sub ?? '-');
    await client.logout();
    expect(await client.getUser()).toBeUndefined();
  });

  it('opens a value only under the identifier it was sealed for, and only with the secret', async () => {
    const store = new KeyValueStateStore({ secret: SECRET });
    const state: StateData = {
      user: { sub: 'u' },
      idToken: undefined,
      refreshToken: undefined,
      tokenSets: [],
      internal: { sid: 's', createdAt: 1 },
    };
    await store.set('a', state);
    kept.set('b', kept.get('a') ?? '');
    expect(await store.get('a')).toEqual(state);
    expect(await store.get('b')).toBeUndefined();
    expect(
      await new KeyValueStateStore({ secret: 'another-secret-of-at-least-32-characters' }).get('a'),
    ).toBeUndefined();
    expect(() => new KeyValueStateStore({ secret: 'short' })).toThrow(/"secret"/);
  });
});
