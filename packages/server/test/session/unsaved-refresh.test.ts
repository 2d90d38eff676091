import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ServerClient } from '../../src/index.js';
import type { MemoryStateStore } from '../../src/stores/index.js';
import { REDIRECT_URI, SECRET, setup, type TestSetup } from '../helpers/client.js';

const ID = '__a0_session';

/** A store outage the test switches on and off: writes only (Redis went between read and write), or all. */
function outage(stateStore: MemoryStateStore) {
  const { get, set } = stateStore;
  const state = { writes: false, reads: false, readsSeen: 0, writesSeen: 0 };
  const down = () => Promise.reject(new Error('ECONNREFUSED'));
  stateStore.get = (...args) => {
    state.readsSeen++;
    return state.reads ? down() : get.apply(stateStore, args);
  };
  stateStore.set = (...args) => {
    state.writesSeen++;
    return state.writes ? down() : set.apply(stateStore, args);
  };
  return state;
}

/** Waits until `done()` holds, checking every 20 ms, for at most `ms`. */
async function until(done: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await sleep(20);
  }
}

/** A second ServerClient over the same store: another process, which knows nothing this one kept. */
function otherProcess(t: TestSetup): ServerClient {
  return new ServerClient({
    domain: new URL(t.tenant.issuer).host,
    clientId: t.tenant.clientId,
    clientSecret: t.tenant.clientSecret,
    secret: SECRET,
    authorizationParams: { redirect_uri: REDIRECT_URI },
    stateStore: t.stateStore,
    transactionStore: t.transactionStore,
    customFetch: t.tenant.fetch,
    tokenRefreshLeeway: 10_000_000,
  });
}

describe('a refreshed session the store does not take (the refresh token was redeemed)', () => {
  // Every access token is inside this leeway: each getAccessToken redeems the refresh token.
  const everyCallRefreshes = { tokenRefreshLeeway: 10_000_000 };

  it('is not lost: the caller gets its token, and the rotated refresh token reaches the store once it is back', async () => {
    const t = await setup(everyCallRefreshes);
    await t.login();
    const first = (await t.stateStore.get(ID))?.refreshToken;
    const store = outage(t.stateStore);

    // Redis goes between the redemption and the write, for longer than any retry.
    store.writes = true;
    const token = await t.client.getAccessToken();
    expect(t.tenant.counts['refresh']).toBe(1);
    expect(token.accessToken).toMatch(/^fake-at-/);

    // Fully down: a clear, retryable error, never login_required.
    store.reads = true;
    await expect(t.client.getAccessToken()).rejects.toMatchObject({
      name: 'StoreError',
      code: 'store_unavailable',
    });

    // Reads are back, writes are not: this process refreshes with the rotated token it kept.
    store.reads = false;
    await expect(t.client.getAccessToken()).resolves.toMatchObject({ audience: 'default' });
    expect(t.tenant.counts['refresh']).toBe(2);
    expect((await t.stateStore.get(ID))?.refreshToken).toBe(first);

    // The store is back: the background retry writes the latest session with no request to carry it.
    store.writes = false;
    await until(async () => (await t.stateStore.get(ID))?.refreshToken !== first);
    // Another process, which never saw the kept session, redeems the stored token successfully.
    await expect(otherProcess(t).getAccessToken()).resolves.toMatchObject({ audience: 'default' });
    expect(t.tenant.counts['refresh']).toBe(3);
    await expect(t.client.getAccessToken()).resolves.toMatchObject({ audience: 'default' });
  });

  it('is written by the next request of that session before it refreshes again', async () => {
    const t = await setup(everyCallRefreshes);
    await t.login();
    const store = outage(t.stateStore);
    store.writes = true;
    await t.client.getAccessToken();
    store.writes = false;
    // The next call files the kept session into the store, then redeems its (rotated) token.
    await expect(t.client.getAccessToken()).resolves.toMatchObject({ audience: 'default' });
    await expect(otherProcess(t).getAccessToken()).resolves.toMatchObject({ audience: 'default' });
    expect(t.tenant.counts['refresh']).toBe(3);
  });

  it('is never written back over a logout that happened meanwhile', async () => {
    const t = await setup(everyCallRefreshes);
    await t.login();
    const store = outage(t.stateStore);
    store.writes = true;
    await t.client.getAccessToken();
    const seen = store.readsSeen;
    await t.client.logout();
    expect(await t.stateStore.get(ID)).toBeUndefined();
    const writes = store.writesSeen;
    store.writes = false;
    // The background retry looks at the store again (it retries at least once a second) and finds no
    // session: it never writes one back.
    await until(() => store.readsSeen > seen + 2);
    await sleep(1_500);
    expect(store.writesSeen).toBe(writes);
    expect(await t.stateStore.get(ID)).toBeUndefined();
    expect(await t.client.getSession()).toBeUndefined();
  });
});
