import { describe, expect, it } from 'vitest';
import { MfaTokenInvalidError, ServerClient } from '../../src/index.js';
import { setup, tenantClientOptions } from '../helpers/client.js';
import { createFakeTenant } from '../helpers/fake-tenant.js';
import { setup as mfaSetup } from '../mfa/harness.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';

const stores = () => ({ stateStore: new MemoryStateStore(), transactionStore: new MemoryTransactionStore() });

// Each deliberate difference from @auth0/auth0-server-js (docs/migration.md) fails with a message
// that names the change a migrating user makes.
describe('the messages of the deliberate differences name the change', () => {
  it('a relative redirect_uri names appBaseUrl', async () => {
    const tenant = await createFakeTenant();
    expect(
      () =>
        new ServerClient({
          ...tenantClientOptions(tenant),
          ...stores(),
          authorizationParams: { redirect_uri: '/auth/callback' },
        }),
    ).toThrow(/absolute URL: join a relative path to your app's base URL, new URL\(path, appBaseUrl\)/);
  });

  it('a relative returnTo names appBaseUrl', async () => {
    const { client } = await setup();
    await expect(client.logout({ returnTo: '/' })).rejects.toThrow(
      /"returnTo" must be an absolute URL: .*appBaseUrl/,
    );
  });

  it('a raw mfa token names MfaRequiredError.mfaToken and encryptMfaToken', async () => {
    const { mfa } = mfaSetup();
    const err = await mfa.listAuthenticators({ mfaToken: 'raw-auth0-mfa-token' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MfaTokenInvalidError);
    expect(String((err as Error).message)).toMatch(
      /pass MfaRequiredError\.mfaToken as it is.*encryptMfaToken/,
    );
    expect(String((err as Error).message)).not.toContain('raw-auth0-mfa-token');
  });

  it('a short secret names the 32-character minimum', async () => {
    const tenant = await createFakeTenant();
    expect(() => new ServerClient({ ...tenantClientOptions(tenant), ...stores(), secret: 'short' })).toThrow(
      /"secret" must be a string of at least 32 characters/,
    );
  });

  it('a domain with a path says to drop it', async () => {
    const tenant = await createFakeTenant();
    expect(
      () => new ServerClient({ ...tenantClientOptions(tenant), ...stores(), domain: 'tenant.example.com/x' }),
    ).toThrow(/"domain" must be a host name or an origin, without path/);
  });
});
