import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/index.js';
import { setup } from '../helpers/client.js';

describe('getSession and getUser', () => {
  it('read undefined without a session', async () => {
    const { client } = await setup();
    expect(await client.getSession()).toBeUndefined();
    expect(await client.getUser()).toBeUndefined();
  });

  it('read undefined, never throw, when the store cannot read the session', async () => {
    const { client, stateStore, login } = await setup();
    await login();
    stateStore.get = () => Promise.reject(new Error('tampered cookie'));
    await expect(client.getSession()).resolves.toBeUndefined();
    await expect(client.getUser()).resolves.toBeUndefined();
  });

  it('getAccessToken passes a store outage on instead of reading it as a logout', async () => {
    const { client, stateStore, login } = await setup();
    await login();
    stateStore.get = () => Promise.reject(new Error('backend unreachable'));
    const err = await client.getAccessToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'store_unavailable', retryable: true });
    expect((err as Error).cause).toMatchObject({ message: 'backend unreachable' });
  });

  it('getUser returns the validated ID token claims', async () => {
    const { client, login } = await setup();
    await login();
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|alice', name: 'Alice' });
  });
});
