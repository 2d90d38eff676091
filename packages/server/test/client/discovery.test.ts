import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestError } from '../../src/index.js';
import { json } from '../helpers/fake-tenant.js';
import { setup } from '../helpers/client.js';

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
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is refetched once when an ID token names an unknown kid, at most once per 30 s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { tenant, login } = await setup();
    await login();
    expect(tenant.counts.jwks).toBe(1);
    await tenant.rotateKeys();
    // Within the cooldown of the last fetch a new kid does not refetch (forged kids cannot drive fetches).
    await expect(login()).rejects.toMatchObject({ code: 'id_token_invalid' });
    expect(tenant.counts.jwks).toBe(1);
    vi.setSystemTime(Date.now() + 30_001);
    await login();
    expect(tenant.counts.jwks).toBe(2);
    await login();
    expect(tenant.counts.jwks).toBe(2);
  });
});
