import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { CookieHandler } from 'auth0-server-ts';
import { statefulInstance, type InstanceOptions } from './multi-instance.js';
import { startTestEmulator } from '../../test/emulator.js';
import { redisPort } from '../../test/services.js';

const APP = 'http://127.0.0.1:3999';
const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };

/** One browser's cookies, shared by the requests it sends to any instance. */
function browser(): CookieHandler<unknown> {
  const jar = new Map<string, string>();
  return {
    getCookie: (name) => jar.get(name),
    getCookies: () => Object.fromEntries(jar),
    setCookie: (name, value, options) =>
      void (options?.maxAge === 0 ? jar.delete(name) : jar.set(name, value)),
    deleteCookie: (name) => void jar.delete(name),
  };
}

describe('docs/multi-instance.md', () => {
  const redis = new Redis({ host: '127.0.0.1', port: redisPort(), maxRetriesPerRequest: 1 });
  // The Redis is shared (other test files of the run): a prefix of this file's own.
  const prefix = `myapp-${randomBytes(6).toString('hex')}:`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('a login started on one instance completes on another; a logout on either ends it everywhere', async () => {
    const em = await startTestEmulator({
      clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [`${APP}/auth/callback`] }],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
    });
    try {
      const options: InstanceOptions<unknown> = {
        redis,
        cookies: browser(),
        domain: em.issuer.replace(/\/$/, ''),
        clientId: 'app',
        clientSecret: CLIENT_SECRET,
        secret: ['the-app-cookie-secret-of-at-least-32-chars'],
        appBaseUrl: APP,
        prefix,
      };
      const [a, b] = [statefulInstance(options), statefulInstance(options)];
      const url = await a.startInteractiveLogin();
      await b.completeInteractiveLogin(await em.login(url.href, ALICE));
      expect((await a.getUser())?.sub).toBe('auth0|alice');
      await b.logout();
      expect(await a.getSession()).toBeUndefined();
    } finally {
      await em.close();
    }
  });

  it('shows the regions of multi-instance.ts as they are', () => {
    const doc = readFileSync(new URL('../multi-instance.md', import.meta.url), 'utf8');
    const code = readFileSync(new URL('./multi-instance.ts', import.meta.url), 'utf8');
    for (const region of ['stateful', 'stateless']) {
      const match = new RegExp(`// #region ${region}\\n([\\s\\S]*?)// #endregion ${region}`).exec(code);
      expect(match, region).not.toBeNull();
      expect(doc).toContain(match?.[1]?.trim());
    }
  });
});
