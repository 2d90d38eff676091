import { readFileSync } from 'node:fs';
import { getRequestListener } from '@hono/node-server';
import { CookieJar, type Emulator } from 'auth0-emulator';
import { MemoryTransactionStore } from 'auth0-server-ts';
import { MemoryStateStore } from 'auth0-server-ts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appClient, startTestEmulator } from '../../../test/emulator.js';
import { listenOnLoopback } from '../../../test/loopback.js';
import { docBlocks, region } from '../regions.js';
import {
  createApp,
  finishOrganizationLogin,
  organizationClient,
  startOrganizationLogin,
} from './organizations.js';

const SECRET = 'app-secret-at-least-32-characters!!';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
const DAVE = { email: 'dave@example.com', password: 'Passw0rd!' };

describe('docs/organizations.md examples against auth0-emulator', () => {
  let em: Emulator;
  let app: Awaited<ReturnType<typeof listenOnLoopback>>;
  let appUrl: string;
  beforeAll(async () => {
    app = await listenOnLoopback();
    appUrl = app.url;
    em = await startTestEmulator({
      clients: [{ ...appClient(appUrl, SECRET), organization_usage: 'allow' }],
      users: [
        { user_id: 'auth0|alice', ...ALICE },
        { user_id: 'auth0|dave', ...DAVE },
      ],
      organizations: [
        { id: 'org_acme', name: 'acme', members: ['auth0|alice'] },
        { id: 'org_globex', name: 'globex', members: ['auth0|alice'] },
      ],
    });
    const options = {
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: SECRET,
      secret: SECRET,
    };
    app.use(getRequestListener(createApp({ ...options, appBaseUrl: appUrl }).fetch));
  });
  afterAll(async () => {
    await em?.close();
    await app?.close();
  });

  const client = () =>
    organizationClient(
      {
        domain: em.issuer.replace(/\/$/, ''),
        clientId: 'app',
        clientSecret: SECRET,
        secret: SECRET,
        authorizationParams: { redirect_uri: `${appUrl}/auth/callback` },
      },
      { stateStore: new MemoryStateStore(), transactionStore: new MemoryTransactionStore() },
    );

  it('logs in to the default organization, and accepts an invitation', async () => {
    const acme = client();
    expect(
      await finishOrganizationLogin(acme, await em.login((await acme.startInteractiveLogin()).href, ALICE)),
    ).toBe(true);
    expect(await acme.getUser()).toMatchObject({ org_id: 'org_acme' });

    const invitation = em.invite({ organization: 'acme', email: DAVE.email, clientId: 'app' });
    const invited = client();
    const url = await startOrganizationLogin(invited, 'org_acme', invitation.ticket);
    expect(await finishOrganizationLogin(invited, await em.login(url.href, DAVE))).toBe(true);
  });

  it('reports a login that came back from another organization', async () => {
    const acme = client();
    const url = await startOrganizationLogin(acme, 'acme');
    url.searchParams.set('organization', 'globex');
    expect(await finishOrganizationLogin(acme, await em.login(url.href, ALICE))).toBe(false);
    expect(await acme.getSession()).toBeUndefined();
  });

  it('the app logs a page in to acme before /acme', async () => {
    const jar = new CookieJar();
    const emulatorJar = new CookieJar();
    const visit = async (path: string) => {
      const res = await fetch(new URL(path, appUrl), {
        redirect: 'manual',
        headers: { accept: 'text/html', cookie: jar.header() },
      });
      jar.store(res);
      return res;
    };
    const start = await visit('/acme');
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.searchParams.get('organization')).toBe('acme');
    await visit(await em.login(authorize.href, { ...ALICE, jar: emulatorJar }));
    expect(await (await visit('/acme')).json()).toEqual({ organization: 'org_acme', user: 'auth0|alice' });
  });
});

describe('docs/organizations.md', () => {
  const here = new URL('./', import.meta.url);
  const doc = readFileSync(new URL('../../organizations.md', here), 'utf8');
  const blocks = docBlocks(new URL('../../organizations.md', here));

  it('takes every code block from a region of the example file', () => {
    expect(blocks.length).toBe(4);
    expect(doc.match(/```ts/g)?.length).toBe(blocks.length);
    for (const { file, name, code } of blocks)
      expect(code, `${file}#${name}`).toBe(region(new URL(file, here), name));
  });
});
