import express from 'express';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth0 } from '../../src/adapters/express.js';
import { RedisTransactionStore } from '../../src/redis/index.js';
import { MemoryTransactionStore } from '../../src/stores/index.js';
import type { TransactionStore } from '../../src/types.js';
import {
  ALICE,
  APP_SECRET,
  CAROL,
  startHarness,
  type AdapterHarness,
  type Browser,
} from '../adapters/harness.js';
import { cleanup, redisClient, uniquePrefix } from '../redis/helpers.js';

/**
 * Login CSRF: the attacker starts a login, signs in at the authorization server as themself, stops
 * before the callback, and has the victim's browser open that callback URL. With the transaction on
 * the server, nothing tied it to the attacker's browser: the victim was logged in as the attacker.
 */
const redis: { client?: Redis } = {};
const prefix = uniquePrefix('login-csrf');
const stores: [string, () => TransactionStore<never>][] = [
  ['MemoryTransactionStore', () => new MemoryTransactionStore()],
  [
    'RedisTransactionStore',
    () => new RedisTransactionStore({ client: (redis.client ??= redisClient()), secret: APP_SECRET, prefix }),
  ],
];

afterAll(async () => {
  if (!redis.client) return;
  await cleanup(redis.client, prefix);
  redis.client.disconnect();
});

for (const [name, store] of stores) {
  describe(`login CSRF with ${name}`, () => {
    let h: AdapterHarness;
    beforeAll(async () => {
      h = await startHarness(async (options) => {
        const auth = auth0({ ...options, transactionStore: store() });
        const app = express();
        app.use(auth.router);
        app.get('/profile', auth.requiresAuth(), async (req, res) => {
          res.json(await req.auth0.getUser());
        });
        return app;
      });
    });
    afterAll(() => h.close());

    /** The attacker's half: a login started in their browser and signed in, stopped before the callback. */
    async function attackersCallback(attacker: Browser): Promise<string> {
      const start = await attacker.visit('/auth/login', { accept: 'text/html' });
      expect(start.status).toBe(302);
      return h.em.login(start.location, { ...CAROL, jar: attacker.emulatorJar });
    }

    const loggedInAs = async (browser: Browser) => {
      const profile = await browser.visit('/profile');
      return profile.status === 200 ? profile.json()['sub'] : undefined;
    };

    it("a victim with no cookies who opens the attacker's callback URL is logged in as nobody", async () => {
      const attacker = h.browser();
      const callbackUrl = await attackersCallback(attacker);
      const victim = h.browser();
      const answer = await victim.visit(callbackUrl, { accept: 'text/html' });
      expect(answer.status).toBe(400);
      expect(answer.setCookie.join('\n')).not.toMatch(/__a0_session/);
      expect(await loggedInAs(victim)).toBeUndefined();
      // The refusal spent nothing: the browser that started the login still completes it.
      expect((await attacker.visit(callbackUrl, { accept: 'text/html' })).status).toBe(302);
      expect(await loggedInAs(attacker)).toBe('auth0|carol');
    });

    it("a victim with a login of their own pending is not logged in by the attacker's callback", async () => {
      const attacker = h.browser();
      const callbackUrl = await attackersCallback(attacker);
      const victim = h.browser();
      expect((await victim.visit('/auth/login', { accept: 'text/html' })).status).toBe(302);
      expect((await victim.visit(callbackUrl, { accept: 'text/html' })).status).toBe(400);
      expect(await loggedInAs(victim)).toBeUndefined();
      // The victim's own login is untouched.
      await victim.login('/', ALICE);
      expect(await loggedInAs(victim)).toBe('auth0|alice');
    });
  });
}
