import { readdirSync, readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { CookieJar, generateTotp, type Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth0AdapterOptions } from 'auth0-server-ts/web';
import { createHandler } from './fetch-handler.js';
import { createApp as createFastify } from './fastify.js';
import { createApp as createHono } from './hono.js';
import { fetchWithStepUp } from './mfa-front-end.js';
import { appClient, startTestEmulator } from '../../../test/emulator.js';
import { listenOnLoopback } from '../../../test/loopback.js';

const SECRET = 'app-secret-at-least-32-characters!!';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };

/** One browser against one app: cookies kept, relative URLs resolved, same-origin headers sent. */
function browser(appUrl: string): typeof fetch {
  const jar = new CookieJar();
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', jar.header());
    const res = await fetch(new URL(String(input), appUrl), { ...init, headers, redirect: 'manual' });
    jar.store(res);
    return res;
  };
}

describe('the adapter guides run against auth0-emulator', () => {
  const apps = {
    fastify: async (o: Auth0AdapterOptions) => {
      const app = await createFastify(o);
      await app.ready();
      return ((req, res) => app.server.emit('request', req, res)) satisfies RequestListener;
    },
    hono: async (o: Auth0AdapterOptions) => getRequestListener(createHono(o).fetch),
    fetch: async (o: Auth0AdapterOptions) => getRequestListener(createHandler(o)),
  };
  const servers: Record<string, Awaited<ReturnType<typeof listenOnLoopback>>> = {};
  let em: Emulator;

  beforeAll(async () => {
    for (const name of Object.keys(apps)) servers[name] = await listenOnLoopback();
    em = await startTestEmulator({
      clients: Object.entries(servers).map(([name, { url }]) => appClient(url, SECRET, { clientId: name })),
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      apis: [{ audience: 'https://payments.example.com', mfa: 'required' }],
    });
    for (const [name, make] of Object.entries(apps)) {
      const { url, use } = servers[name] ?? { url: '', use: () => undefined };
      use(
        await make({
          domain: em.issuer.replace(/\/$/, ''),
          clientId: name,
          clientSecret: SECRET,
          secret: 'a-cookie-secret-of-at-least-32-characters',
          appBaseUrl: url,
        }),
      );
    }
  });

  afterAll(async () => {
    await em?.close();
    await Promise.all(Object.values(servers).map((server) => server.close()));
  });

  it.each(['fastify', 'hono', 'fetch'])('%s: logs in and shows the profile', async (name) => {
    const url = servers[name]?.url ?? '';
    const request = browser(url);
    if (name !== 'fetch')
      expect(await (await request('/')).text()).toContain('href="/auth/login?returnTo=/profile"');
    expect((await request('/profile', { headers: { accept: 'application/json' } })).status).toBe(401);
    const start = await request('/auth/login?returnTo=/profile');
    const back = await request(await em.login(start.headers.get('location') ?? '', ALICE));
    expect(back.headers.get('location')).toBe('/profile');
    const profile = await request('/profile', { headers: { accept: 'application/json' } });
    expect(await profile.json()).toMatchObject({ sub: 'auth0|alice' });
    if (name !== 'fetch') expect(await (await request('/')).text()).toContain('href="/auth/logout"');
  });

  it('the front-end step-up enrolls an authenticator app through the MFA routes and retries', async () => {
    const request = browser(servers.hono?.url ?? '');
    const start = await request('/auth/login');
    await request(await em.login(start.headers.get('location') ?? '', ALICE));
    let shown: { secret: string; barcodeUri: string } | undefined;
    const res = await fetchWithStepUp(
      '/payments',
      async (enrollment) => {
        shown = enrollment;
        return generateTotp(enrollment?.secret ?? '');
      },
      request,
    );
    expect(shown?.barcodeUri).toMatch(/^otpauth:\/\//);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ expiresAt: expect.any(Number) });
  });
});

describe.each(readdirSync(new URL('../../adapters/', import.meta.url)).filter((f) => f.endsWith('.md')))(
  'docs/adapters/%s',
  (file) => {
    it('shows each code block exactly as its example file has it', () => {
      const page = new URL(`../../adapters/${file}`, import.meta.url);
      const text = readFileSync(page, 'utf8');
      const blocks = [...text.matchAll(/<!-- from (\S+)#(\S+) -->\n```ts\n([\s\S]*?)```/g)];
      expect(blocks.length).toBeGreaterThan(0);
      for (const [, path = '', region = '', code] of blocks) {
        const example = readFileSync(new URL(path, page), 'utf8');
        const start = example.indexOf(`// #region ${region}\n`);
        const end = example.indexOf(`// #endregion ${region}`);
        expect(start, `${path}#${region}`).toBeGreaterThanOrEqual(0);
        expect(code, `${path}#${region}`).toBe(example.slice(start + `// #region ${region}\n`.length, end));
      }
    });
  },
);
