import { describe, expect, it, vi } from 'vitest';
import { RequestError } from '../../src/index.js';
import { json } from 'auth0-test-kit';
import { nowSeconds, setup } from '../helpers/client.js';

describe('discovery', () => {
  it('is fetched once and shared by concurrent first uses', async () => {
    const { client, tenant } = await setup();
    await Promise.all([client.startInteractiveLogin(), client.startInteractiveLogin(), client.logout()]);
    expect(tenant.counts.discovery).toBe(1);
  });

  it('is retried on the next call after a failure, not cached', async () => {
    const { client, tenant } = await setup();
    tenant.intercept = (endpoint) => (endpoint === 'discovery' ? json({ message: 'down' }, 404) : undefined);
    await expect(client.startInteractiveLogin()).rejects.toBeInstanceOf(RequestError);
    tenant.intercept = undefined;
    await expect(client.startInteractiveLogin()).resolves.toBeInstanceOf(URL);
  });
});

describe('JWKS', () => {
  it('is refetched once when an ID token names an unknown kid, at most once per 30 s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { tenant, login } = await setup();
    await login();
    expect(tenant.counts.jwks).toBe(1);
    await tenant.rotateKeys();
    // Within the cooldown of the last fetch a new kid does not refetch (forged kids cannot drive fetches).
    // The error says why, naming the kid and no token value.
    const refused: unknown = await login().catch((err: unknown) => err);
    expect(refused).toMatchObject({ code: 'id_token_invalid' });
    const message = refused instanceof Error ? refused.message : '';
    expect(message).toMatch(/no key with kid "kid-[0-9a-f]{8}" in the JWKS .*at most every 30 s/);
    expect(message).not.toMatch(/eyJ/);
    expect(tenant.counts.jwks).toBe(1);
    vi.setSystemTime(Date.now() + 30_001);
    await login();
    expect(tenant.counts.jwks).toBe(2);
    await login();
    expect(tenant.counts.jwks).toBe(2);
  });

  const jwksDown = (endpoint: string) =>
    endpoint === 'jwks' ? new Response('<html>502</html>', { status: 502 }) : undefined;

  it('is loaded before a code is sent: an outage fails the callback, which then completes unchanged', async () => {
    const { tenant, client } = await setup();
    const callback = await tenant.authorize(await client.startInteractiveLogin());
    tenant.intercept = jwksDown;
    await expect(client.completeInteractiveLogin(callback)).rejects.toMatchObject({
      name: 'RequestError',
      code: 'invalid_response',
    });
    expect(tenant.counts.code ?? 0).toBe(0);
    tenant.intercept = undefined;
    await client.completeInteractiveLogin(callback);
    expect(tenant.counts.code).toBe(1);
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|alice' });
  });

  it('is loaded before a refresh token is sent once it is 10 minutes old: an outage leaves the session as it was', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { tenant, client, login } = await setup();
    await login();
    // Past the access token's expiry (a day here), and so past the key set's maximum age.
    vi.setSystemTime(Date.now() + 86_400_000);
    const before = JSON.stringify(await client.getSession());
    tenant.intercept = jwksDown;
    await expect(client.getAccessToken()).rejects.toMatchObject({
      name: 'RequestError',
      code: 'invalid_response',
    });
    expect(tenant.counts.refresh ?? 0).toBe(0);
    expect(JSON.stringify(await client.getSession())).toBe(before);
    tenant.intercept = undefined;
    const { expiresAt } = await client.getAccessToken();
    expect(expiresAt).toBeGreaterThan(nowSeconds());
    expect(tenant.counts.refresh).toBe(1);
  });
});
