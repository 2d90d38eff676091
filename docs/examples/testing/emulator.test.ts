import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localhostFetch, type Emulator } from 'auth0-emulator';
import { startTestEmulator } from '../../../test/emulator.js';

const M2M = { client_id: 'setup', client_secret: 'setup-secret-at-least-32-characters!!' };

let dir: string;
let em: Emulator;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docs-emulator-'));
  em = await startTestEmulator(
    {
      clients: [{ ...M2M, redirect_uris: [], management_api: true }],
      users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
    },
    { host: 'tenant.localhost', https: { dir } },
  );
});
afterAll(async () => {
  await em.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the emulator from Node.js tests', () => {
  it('localhostFetch reaches https://tenant.localhost and sets up an organization', async () => {
    // #region localhost-fetch
    // em: startEmulator({ host: 'tenant.localhost', https: true, ... })
    const request = localhostFetch({ ca: await readFile(em.caFile ?? '', 'utf8') });
    const discovery = await request(new URL('.well-known/openid-configuration', em.issuer));
    expect((await discovery.json()).issuer).toMatch(/^https:\/\/tenant\.localhost:\d+\/$/);
    // #endregion localhost-fetch

    // #region organizations
    const token = await request(new URL('oauth/token', em.issuer), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        audience: `${em.issuer}api/v2/`,
        ...M2M,
      }),
    });
    const { access_token } = await token.json();
    const api = (path: string, body: unknown) =>
      request(new URL(`api/v2/${path}`, em.issuer), {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const org = await (await api('organizations', { name: 'acme', display_name: 'Acme' })).json();
    const added = await api(`organizations/${org.id}/members`, { members: ['auth0|alice'] });
    expect(added.status).toBe(204); // alice can now log in with organization=acme
    // #endregion organizations
  });
});
