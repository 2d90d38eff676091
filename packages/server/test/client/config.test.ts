import { describe, expect, it } from 'vitest';
import { ServerClient, type ServerClientOptions } from '../../src/index.js';
import { resolveConfig, resolveIssuer } from '../../src/config.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { setup } from '../helpers/client.js';

const base: ServerClientOptions = {
  domain: 'tenant.eu.auth0.com',
  clientId: 'client',
  clientSecret: 'client-secret',
  secret: 'x'.repeat(32),
  stateStore: new MemoryStateStore(),
  transactionStore: new MemoryTransactionStore(),
};

const fails = (overrides: Partial<ServerClientOptions>, field: RegExp) =>
  expect(() => new ServerClient({ ...base, ...overrides })).toThrow(field);

describe('ServerClient configuration', () => {
  it('turns a bare host into an https issuer with a trailing slash', () => {
    expect(resolveIssuer('tenant.eu.auth0.com').href).toBe('https://tenant.eu.auth0.com/');
    expect(resolveIssuer('https://tenant.eu.auth0.com').href).toBe('https://tenant.eu.auth0.com/');
  });

  it('accepts plain http only for loopback hosts', () => {
    expect(resolveIssuer('http://127.0.0.1:4400').href).toBe('http://127.0.0.1:4400/');
    expect(resolveIssuer('http://localhost:4400').href).toBe('http://localhost:4400/');
    expect(resolveIssuer('http://[::1]:4400').href).toBe('http://[::1]:4400/');
    expect(() => resolveIssuer('http://tenant.auth0.com')).toThrow(/"domain".*loopback/);
  });

  it('refuses a domain with a path, query or credentials', () => {
    expect(() => resolveIssuer('https://tenant.auth0.com/some/path')).toThrow(/"domain"/);
    expect(() => resolveIssuer('https://user:pw@tenant.auth0.com')).toThrow(/"domain"/);
  });

  it('names each missing or malformed field', () => {
    fails({ domain: '' }, /"domain"/);
    fails({ clientId: '' }, /"clientId"/);
    fails({ secret: 'short' }, /"secret" must be a string of at least 32 characters/);
    fails({ secret: ['x'.repeat(32), 'short'] }, /"secret"\[1\]/);
    fails({ secret: [] }, /"secret"/);
    fails({ clientSecret: undefined }, /"clientSecret" or "clientAssertionSigningKey"/);
    fails({ httpTimeout: 0 }, /"httpTimeout"/);
    fails({ mfaTokenTtl: -1 }, /"mfaTokenTtl"/);
    fails({ tokenRefreshLeeway: Number.NaN }, /"tokenRefreshLeeway"/);
    fails({ stateIdentifier: 'bad name;' }, /"stateIdentifier"/);
    fails({ stateStore: undefined }, /"stateStore"/);
    fails({ transactionStore: undefined }, /"transactionStore"/);
    fails({ authorizationParams: { redirect_uri: '/relative' } }, /"authorizationParams.redirect_uri"/);
  });

  it('fills in the documented defaults', () => {
    const config = resolveConfig(base);
    expect(config).toMatchObject({
      httpTimeout: 10_000,
      mfaTokenTtl: 300,
      tokenRefreshLeeway: 60,
      stateIdentifier: '__a0_session',
      transactionIdentifier: '__a0_tx',
      clientAuth: { method: 'client_secret_post' },
      authorizationParams: { scope: 'openid profile email offline_access' },
    });
  });

  it('selects client_secret_basic on request, and private_key_jwt with a signing key', () => {
    expect(resolveConfig({ ...base, clientAuthMethod: 'client_secret_basic' }).clientAuth.method).toBe(
      'client_secret_basic',
    );
    const pkjwt = resolveConfig({
      ...base,
      clientSecret: undefined,
      clientAssertionSigningKey: '-----BEGIN PRIVATE KEY-----',
    });
    expect(pkjwt.clientAuth).toMatchObject({ method: 'private_key_jwt' });
  });
});

describe('arguments checked at the call', () => {
  it('getAccessToken, getTokenByRefreshToken and logout name a malformed argument', async () => {
    const { client, tenant } = await setup();
    const before = JSON.stringify(tenant.counts);
    const bad: unknown = 42;
    await expect(Reflect.apply(client.getAccessToken, client, [{ audience: bad }])).rejects.toThrow(
      /"audience"/,
    );
    // '' reads as absent (a peer user's `process.env.SCOPE ?? ''`); blanks are still a malformed value.
    await expect(Reflect.apply(client.getAccessToken, client, [{ scope: '  ' }])).rejects.toThrow(/"scope"/);
    await expect(client.getTokenByRefreshToken({ refreshToken: '' })).rejects.toThrow(/"refreshToken"/);
    await expect(client.logout({ returnTo: 'not a url' })).rejects.toThrow(/"returnTo"/);
    expect(JSON.stringify(tenant.counts)).toBe(before);
  });

  it('accepts plain http for any loopback host, and only there', () => {
    expect(() => new ServerClient({ ...base, domain: 'http://127.0.0.2:4400' })).not.toThrow();
    expect(() => new ServerClient({ ...base, domain: 'http://auth.localhost:4400' })).not.toThrow();
    expect(() => new ServerClient({ ...base, domain: 'http://10.0.0.1:4400' })).toThrow(/loopback/);
  });
});
