import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { OrganizationValidationError, ServerClient } from '../../src/index.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { startTestEmulator } from '../../../../test/emulator.js';
import { ALICE, APP_SECRET, CLIENT_SECRET } from '../helpers/emulator-app.js';

const REDIRECT_URI = 'http://127.0.0.1:3999/auth/callback';

describe('organizations against auth0-emulator', () => {
  let em: Emulator;
  const client = () =>
    new ServerClient({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: APP_SECRET,
      authorizationParams: { redirect_uri: REDIRECT_URI },
      stateStore: new MemoryStateStore(),
      transactionStore: new MemoryTransactionStore(),
    });
  beforeAll(async () => {
    em = await startTestEmulator({
      clients: [
        {
          client_id: 'app',
          client_secret: CLIENT_SECRET,
          redirect_uris: [REDIRECT_URI],
          organization_usage: 'allow',
        },
      ],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      organizations: [
        { id: 'org_acme', name: 'acme', members: ['auth0|alice'] },
        { id: 'org_globex', name: 'globex', members: ['auth0|alice'] },
      ],
    });
  });
  afterAll(() => em?.close());

  it('logs in to an organization by name and keeps it through a refresh', async () => {
    const app = client();
    const url = await app.startInteractiveLogin({ organization: 'Acme' });
    await app.completeInteractiveLogin(await em.login(url.href, ALICE));
    expect(await app.getUser()).toMatchObject({ org_id: 'org_acme', org_name: 'acme' });
    const session = await app.getSession();
    await expect(
      app.getTokenByRefreshToken({ refreshToken: session?.refreshToken ?? '' }),
    ).resolves.toHaveProperty('idToken');
  });

  it('refuses a callback whose ID token names another organization than the one asked for', async () => {
    for (const [asked, swapped, claim] of [
      ['org_acme', null, 'org_id'],
      ['acme', 'org_globex', 'org_name'],
    ] as const) {
      const app = client();
      const url = await app.startInteractiveLogin({ organization: asked });
      // Someone edits the authorization URL on its way to the browser.
      if (swapped === null) url.searchParams.delete('organization');
      else url.searchParams.set('organization', swapped);
      const error = await app
        .completeInteractiveLogin(await em.login(url.href, ALICE))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OrganizationValidationError);
      expect(error).toMatchObject({ claim });
      expect(await app.getSession()).toBeUndefined();
    }
  });
});
