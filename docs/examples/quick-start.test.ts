import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { startEmulator } from 'auth0-emulator';
import { describe, expect, it } from 'vitest';
import { createApp } from './quick-start.js';

/** One browser's cookies for the app: what `Set-Cookie` stored, sent back as `Cookie`. */
function browser(appUrl: string) {
  const jar = new Map<string, string>();
  return async (path: string) => {
    const res = await fetch(new URL(path, appUrl), {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(/;\s*/);
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const expires = attributes.find((a) => /^expires=/i.test(a))?.slice('expires='.length);
      if (expires !== undefined && Date.parse(expires) <= Date.now()) jar.delete(name);
      else jar.set(name, value);
    }
    return {
      status: res.status,
      location: res.headers.get('location') ?? '',
      setCookie: res.headers.getSetCookie(),
      text: await res.text(),
    };
  };
}

describe('the README quick start', () => {
  it('logs in, shows the profile, calls an API with the access token and logs out against auth0-emulator', async () => {
    // Listen first: the app's URL (with its port) is part of its configuration.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const appUrl = `http://127.0.0.1:${address.port}`;

    const clientSecret = 'app-secret-at-least-32-characters!!';
    const em = await startEmulator({
      port: 0,
      quiet: true,
      config: {
        clients: [
          {
            client_id: 'app',
            client_secret: clientSecret,
            redirect_uris: [`${appUrl}/auth/callback`],
            post_logout_redirect_uris: [appUrl],
          },
        ],
        users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
      },
    });
    server.on(
      'request',
      createApp({
        domain: em.issuer.replace(/\/$/, ''),
        clientId: 'app',
        clientSecret,
        secret: 'a-cookie-secret-of-at-least-32-characters',
        appUrl,
        apiUrl: new URL('userinfo', em.issuer).href,
      }),
    );
    const visit = browser(appUrl);

    try {
      expect((await visit('/profile')).status).toBe(401);
      expect((await visit('/api/data')).status).toBe(401);

      const login = await visit('/auth/login');
      expect(login.status).toBe(302);
      expect(login.location.startsWith(em.issuer)).toBe(true);
      const callbackUrl = await em.login(login.location, {
        email: 'alice@example.com',
        password: 'Passw0rd!',
      });
      expect(callbackUrl.startsWith(`${appUrl}/auth/callback?`)).toBe(true);
      const callback = await visit(callbackUrl);
      expect(callback.location).toBe('/profile');
      // The SDK gives maxAge in seconds and Express takes milliseconds: a mix-up would end the session in
      // a minute and a half.
      const session = callback.setCookie.find((line) => line.startsWith('__a0_session'));
      expect(Number(/Max-Age=(\d+)/.exec(session ?? '')?.[1])).toBeGreaterThanOrEqual(3600);

      const profile = await visit('/profile');
      expect(profile.status).toBe(200);
      expect(JSON.parse(profile.text)).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });
      const data = await visit('/api/data');
      expect(data.status).toBe(200);
      expect(JSON.parse(data.text)).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });

      const logout = await visit('/auth/logout');
      expect(logout.location.startsWith(em.issuer)).toBe(true);
      expect((await visit('/profile')).status).toBe(401);
      expect((await visit('/api/data')).status).toBe(401);
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
