import { setTimeout as sleep } from 'node:timers/promises';
import type { Emulator } from 'auth0-emulator';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryTransactionStore,
  ServerClient,
  StatefulStateStore,
  StatelessStateStore,
  isAuth0Error,
  type ServerClientOptions,
} from '../../src/index.js';
import { RedisCoordinator, RedisSessionStore } from '../../src/redis/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { PrivateRedis } from './helpers.js';
import { startTestEmulator } from '../../../../test/emulator.js';

const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const SECRET = 'the-app-cookie-secret-of-at-least-32-chars';
const APP = 'http://127.0.0.1:3999';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };

/** Waits until `done()` holds, checking every 50 ms, for at most `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await sleep(50);
}

// Redis stays away for OUTAGE_MS, longer than any retry of a session write: a refresh that redeemed its
// token just before Redis went must keep the rotated token in the process (session/kept-refresh.ts), not lose it.
const OUTAGE_MS = Number(process.env['REDIS_RESTART_OUTAGE_MS'] ?? 4_000);

describe('a Redis restart in the middle of a load', () => {
  let em: Emulator;
  let redis: PrivateRedis;
  let client: Redis;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    client = new Redis({ port: redis.port, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    client.on('error', () => undefined); // the outage is expected; the stores report it
    em = await startTestEmulator({
      clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [`${APP}/auth/callback`] }],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      // Every access token is inside the refresh leeway: each getAccessToken refreshes.
      ttl: { accessToken: 30 },
    });
  });

  afterAll(async () => {
    client?.disconnect();
    await em?.close();
    await redis?.close();
  });

  const modes: [string, (jar: CookieJar) => Pick<ServerClientOptions, 'stateStore' | 'coordinator'>][] = [
    [
      'stateful sessions on Redis',
      (jar) => ({
        stateStore: new StatefulStateStore({ secret: SECRET, store: store(), appBaseUrl: APP }, jar),
      }),
    ],
    [
      'stateful sessions on Redis with a coordinator',
      (jar) => ({
        stateStore: new StatefulStateStore({ secret: SECRET, store: store(), appBaseUrl: APP }, jar),
        coordinator: coordinator(),
      }),
    ],
    [
      'stateless cookie sessions with a coordinator',
      (jar) => ({
        stateStore: new StatelessStateStore({ secret: SECRET, appBaseUrl: APP }, jar),
        coordinator: coordinator(),
      }),
    ],
  ];
  const prefix = 'a0restart:';
  // A killed Redis refuses connections at once (the client retries a command once, after 50 ms), so no
  // short deadline is needed to see the outage: the stores keep a deadline that the healthy logins
  // before it and the checks after it meet on a loaded machine (500 ms once failed a login).
  const timeoutMs = 10_000;
  const store = () => new RedisSessionStore({ client, secret: SECRET, prefix, timeoutMs });
  const coordinator = () => new RedisCoordinator({ client, prefix, timeoutMs });

  it.each(modes)(
    '%s: StoreErrors while Redis is down, and no session lost or corrupted afterwards',
    async (mode, wiring) => {
      const sessions = await Promise.all(
        Array.from({ length: 3 }, async () => {
          const jar = new CookieJar();
          const app = new ServerClient({
            domain: em.issuer.replace(/\/$/, ''),
            clientId: 'app',
            clientSecret: CLIENT_SECRET,
            secret: SECRET,
            authorizationParams: { redirect_uri: `${APP}/auth/callback` },
            transactionStore: new MemoryTransactionStore(),
            ...wiring(jar),
          });
          const url = await app.startInteractiveLogin();
          await app.completeInteractiveLogin(await em.login(url.href, ALICE));
          return app;
        }),
      );

      const errors = new Map<string, number>();
      let calls = 0;
      let running = true;
      const okAfterRestart = sessions.map(() => 0);
      let restarted = false;
      const load = sessions.map(async (app, i) => {
        while (running) {
          calls++;
          await app.getAccessToken().then(
            () => void (restarted && okAfterRestart[i]!++),
            (err: unknown) => {
              const key = isAuth0Error(err) ? `${err.name}:${err.code}` : String(err);
              errors.set(key, (errors.get(key) ?? 0) + 1);
            },
          );
          await sleep(5);
        }
      });
      // Load first: every loop has refreshed at least once before Redis goes.
      const before = calls;
      await until(() => calls >= before + 2 * sessions.length, 10_000);
      await redis.kill();
      // Calls must fail, clearly, meanwhile. On a busy machine every loop can be inside a slow refresh when
      // Redis goes, so stay down until one has failed (bounded).
      const downSince = Date.now();
      await sleep(OUTAGE_MS);
      await until(() => errors.size > 0, 8_000);
      const outageMs = Date.now() - downSince;
      await redis.start();
      restarted = true;
      // Until every session has been served again since the restart (bounded: a dead lease lasts 5 s).
      await until(() => okAfterRestart.every((n) => n >= 2), 30_000);
      running = false;
      await Promise.all(load);
      console.info(
        `restart under load (${mode}): ${calls} getAccessToken calls, Redis down ${outageMs} ms, ` +
          `served after the restart ${JSON.stringify(okAfterRestart)}, errors ${JSON.stringify(Object.fromEntries(errors))}`,
      );

      // Only clear, retryable store errors: never "login required" (a lost or corrupted session).
      expect(errors.size).toBeGreaterThan(0);
      for (const key of errors.keys()) expect(key).toMatch(/^StoreError:(store_unavailable|lock_timeout)$/);
      // Every session survived with its latest refresh token: each refreshes again.
      for (const app of sessions) {
        expect((await app.getUser())?.sub).toBe('auth0|alice');
        await expect(app.getAccessToken()).resolves.toMatchObject({ audience: 'default' });
      }
    },
    90_000,
  );
});
