import { describe, expect, it } from 'vitest';
import { SessionExpiredError } from '../../src/index.js';
import { absoluteExpiry, resolveSessionLifetime } from '../../src/session/index.js';
import { nowSeconds, setup } from '../helpers/client.js';

describe('IPSIE session_expiry', () => {
  it("keeps the login ID token's session_expiry as the session's sessionExpiresAt", async () => {
    const { client, tenant } = await setup();
    const expiry = nowSeconds() + 3600;
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(
      await tenant.authorize(url, { claims: { session_expiry: expiry } }),
    );
    expect((await client.getSession())?.sessionExpiresAt).toBe(expiry);
  });

  it('ends the session 30 s before session_expiry whatever absoluteDuration says', () => {
    const lifetime = resolveSessionLifetime({ absoluteDuration: 30 * 86_400 });
    const createdAt = 1_000_000;
    const state = {
      user: undefined,
      idToken: undefined,
      refreshToken: undefined,
      tokenSets: [],
      internal: { sid: 's', createdAt },
      sessionExpiresAt: createdAt + 600,
    };
    expect(absoluteExpiry(lifetime, state)).toBe(createdAt + 570);
  });

  it('reads a session past its ceiling as none, even from a store that knows no lifetimes', async () => {
    const { client, tenant, stateStore } = await setup();
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(
      await tenant.authorize(url, { claims: { session_expiry: nowSeconds() + 3600 } }),
    );
    const key = '__a0_session';
    const stored = await stateStore.get(key);
    if (!stored) throw new Error('no session stored');
    // Moves the ceiling instead of the clock: 20 s from now is inside the 30 s leeway.
    await stateStore.set(key, { ...stored, sessionExpiresAt: nowSeconds() + 20 });
    expect(await client.getSession()).toBeUndefined();
    await expect(client.getAccessToken()).rejects.toMatchObject({ code: 'login_required' });
  });

  it('refuses a login whose session_expiry is within 30 s of iat, writing no session', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin();
    const callback = await tenant.authorize(url, { claims: { session_expiry: nowSeconds() + 10 } });
    const error = await client.completeInteractiveLogin(callback).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error).toMatchObject({ code: 'session_expired' });
    expect(await client.getSession()).toBeUndefined();
  });

  it('ignores a session_expiry that is not a plausible Unix time', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(
      await tenant.authorize(url, { claims: { session_expiry: 'soon' } }),
    );
    expect((await client.getSession())?.sessionExpiresAt).toBeUndefined();
  });
});
