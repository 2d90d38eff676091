import { createServer } from 'node:http';
import { startEmulator } from 'auth0-emulator';
import { describe, expect, it } from 'vitest';
import { createApp, createClient } from './quick-start.js';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the README quick start', () => {
  it('logs in, shows the profile, gets an access token and logs out against auth0-emulator', async () => {
    const appUrl = `http://127.0.0.1:${await freePort()}`;
    const secret = 'app-secret-at-least-32-characters!!';
    const em = await startEmulator({
      port: 0,
      quiet: true,
      config: {
        clients: [
          {
            client_id: 'app',
            client_secret: secret,
            redirect_uris: [`${appUrl}/auth/callback`],
            post_logout_redirect_uris: [appUrl],
          },
        ],
        users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
      },
    });
    const client = createClient({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: secret,
      secret: 'a-cookie-secret-of-at-least-32-characters',
      appUrl,
    });
    const app = createApp(client, appUrl);
    await new Promise<void>((resolve) => app.listen(Number(new URL(appUrl).port), '127.0.0.1', resolve));

    // One browser's cookies for the app.
    const jar = new Map<string, string>();
    const visit = async (url: string) => {
      const res = await fetch(new URL(url, appUrl), {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const [name = '', value = ''] = pair.split(/=(.*)/s);
        if (/max-age=0/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
    };

    try {
      const start = await visit('/auth/login');
      expect(start.location.startsWith(em.issuer)).toBe(true);
      const callback = await em.login(start.location, { email: 'alice@example.com', password: 'Passw0rd!' });
      expect((await visit(callback)).location).toBe('/profile');
      expect((await visit('/profile')).text).toMatch(/^Hello /);
      expect((await visit('/api-token')).text).toMatch(/^token of \d+ characters$/);
      const logout = await visit('/auth/logout');
      expect(logout.location.startsWith(em.issuer)).toBe(true);
      expect((await visit('/profile')).location).toBe('/auth/login');
    } finally {
      await em.close();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });
});
