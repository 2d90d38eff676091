import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { CookieJar, defaultConfig, generateTotp } from 'auth0-emulator';
import { describe, expect, it } from 'vitest';
import { createApp, settings } from './quick-start.js';
import { appClient, startTestEmulator } from '../../test/emulator.js';

/** One browser's cookies for the app: what `Set-Cookie` stored, sent back as `Cookie`. */
function browser(appUrl: string) {
  const jar = new CookieJar();
  return async (path: string, accept = 'text/html') => {
    const res = await fetch(new URL(path, appUrl), {
      redirect: 'manual',
      headers: { accept, cookie: jar.header() },
    });
    return {
      status: res.status,
      location: res.headers.get('location') ?? '',
      setCookie: jar.store(res),
      text: await res.text(),
    };
  };
}

describe('the README quick start', () => {
  it("defaults to `npm run emulator`'s client, so it runs as it is", () => {
    const [client] = defaultConfig.clients;
    expect(settings.domain).toBe('http://127.0.0.1:4400');
    expect(settings.clientId).toBe(client?.client_id);
    expect(settings.clientSecret).toBe(client?.client_secret);
    expect(client?.redirect_uris).toContain(`${settings.appBaseUrl}/auth/callback`);
    expect(client?.post_logout_redirect_uris).toContain(`${settings.appBaseUrl}/`);
    expect(defaultConfig.apis.find((api) => api.mfa === 'required')?.audience).toBe(
      'https://payments.example.com',
    );
  });

  it('logs in, shows the profile, steps up with MFA for the payments API and logs out against auth0-emulator', async () => {
    // Listen first: the app's URL (with its port) is part of its configuration.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const appUrl = `http://127.0.0.1:${address.port}`;
    // The default emulator's client, users and APIs; only the app's URLs differ (port 0, not 3000).
    const em = await startTestEmulator({
      users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
      apis: [{ audience: 'https://payments.example.com', mfa: 'required' }],
      clients: [
        appClient(appUrl, settings.clientSecret, {
          clientId: settings.clientId,
          backchannelPath: '/auth/backchannel-logout',
        }),
      ],
    });
    server.on(
      'request',
      createApp({ ...settings, domain: em.issuer.replace(/\/$/, ''), appBaseUrl: appUrl }),
    );
    const visit = browser(appUrl);
    const alice = { email: 'alice@example.com', password: 'Passw0rd!' };
    const emulatorJar = new CookieJar();

    try {
      expect((await visit('/')).text).toContain('href="/auth/login?returnTo=/profile"');
      expect((await visit('/profile', 'application/json')).status).toBe(401);

      const login = await visit('/auth/login?returnTo=/profile');
      expect(login.location.startsWith(em.issuer)).toBe(true);
      const callback = await visit(await em.login(login.location, { ...alice, jar: emulatorJar }));
      expect(callback.location).toBe('/profile');
      // The SDK gives maxAge in seconds and Express's res.cookie takes milliseconds: the adapter must not mix them.
      const session = callback.setCookie.find((line) => line.startsWith('__a0_session'));
      expect(Number(/Max-Age=(\d+)/.exec(session ?? '')?.[1])).toBeGreaterThanOrEqual(3600);
      const profile = await visit('/profile', 'application/json');
      expect(JSON.parse(profile.text)).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });

      // The payments API requires MFA: a fetch() learns so, a page visit logs in again with MFA.
      const api = await visit('/payments', 'application/json');
      expect(api.status).toBe(403);
      expect(JSON.parse(api.text)).toMatchObject({ error: 'mfa_required' });
      const stepUp = await visit('/payments');
      expect(new URL(stepUp.location).searchParams.get('acr_values')).toContain('multi-factor');
      let secret = '';
      const back = await em.login(stepUp.location, {
        ...alice,
        jar: emulatorJar,
        otp: (shown) => generateTotp((secret = shown ?? secret)),
      });
      expect((await visit(back)).location).toBe('/payments');
      const paid = await visit('/payments', 'application/json');
      expect(paid.status).toBe(200);
      expect(JSON.parse(paid.text)).toMatchObject({ audience: 'https://payments.example.com' });

      const logout = await visit('/auth/logout');
      expect(logout.location.startsWith(em.issuer)).toBe(true);
      // The emulator registers the return URL with its trailing slash; it accepts the one sent.
      expect(new URL(logout.location).searchParams.get('post_logout_redirect_uri')).toBe(`${appUrl}/`);
      const end = await fetch(logout.location, {
        redirect: 'manual',
        headers: { cookie: emulatorJar.header() },
      });
      expect(end.status).toBeLessThan(400);
      expect((await visit('/profile', 'application/json')).status).toBe(401);
    } finally {
      await em.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe.each([
  ['README.md', '../../README.md'],
  ['packages/server/README.md', '../../packages/server/README.md'],
])('%s', (_name, path) => {
  it('shows the quick start exactly as docs/examples/quick-start.ts has it', () => {
    const readme = readFileSync(new URL(path, import.meta.url), 'utf8');
    const example = readFileSync(new URL('./quick-start.ts', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/<!-- from \S*quick-start\.ts#(\S+) -->\n```ts\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThan(0);
    for (const [, region = '', code] of blocks) {
      const start = example.indexOf(`// #region ${region}\n`);
      const end = example.indexOf(`// #endregion ${region}`);
      expect(start, `region ${region}`).toBeGreaterThanOrEqual(0);
      expect(code).toBe(example.slice(start + `// #region ${region}\n`.length, end));
    }
  });
});
