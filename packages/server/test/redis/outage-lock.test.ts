import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Emulator } from 'auth0-emulator';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTransactionStore, ServerClient, StatefulStateStore } from '../../src/index.js';
import { RedisCoordinator, RedisSessionStore } from '../../src/redis/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { PrivateRedis } from './helpers.js';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';

const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const SECRET = 'the-app-cookie-secret-of-at-least-32-chars';
const APP = 'http://127.0.0.1:3999';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
const prefix = 'a0outage:';
const worker = fileURLToPath(new URL('./refresh-worker.mjs', import.meta.url));
const dist = fileURLToPath(new URL('../../dist', import.meta.url));
// The worker runs a copy: the packed-package test rebuilds (and first empties) dist/ in parallel.
const copy = fileURLToPath(new URL(`../../.outage-lock-dist-${process.pid}`, import.meta.url));

// A lease far longer than the bound below, so a lock taken late by an abandoned attempt (which holds it
// for a whole lease) cannot pass for a slow machine, and a busy machine cannot fail the bound.
const LEASE_MS = 15_000;
// docs/multi-instance.md: the background write retries with a backoff of at most one second. Measured
// from the client's reconnect ('ready'), with room for a loaded machine.
const BOUND_MS = 5_000;

type Result = { ok: true; accessToken: string } | { ok: false; code: string };

describe('a refreshed session left unsaved by a Redis restart', () => {
  let em: Emulator;
  let redis: PrivateRedis;
  let other: ChildProcess;
  const clients: Redis[] = [];

  beforeAll(async () => {
    if (!existsSync(`${dist}/redis/index.js`)) {
      throw new Error('the second instance runs the built SDK: run `npm run build` first');
    }
    cpSync(dist, copy, { recursive: true });
    redis = await PrivateRedis.start();
    // Every access token is inside the refresh leeway: each getAccessToken refreshes.
    em = await startTestEmulator({
      clients: [appClient(APP, CLIENT_SECRET)],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      ttl: { accessToken: 30 },
    });
    other = fork(worker, { stdio: 'inherit', env: { ...process.env, A0_DIST: copy } });
    await new Promise<void>((resolve) => other.once('message', () => resolve()));
  });

  afterAll(async () => {
    other?.kill();
    for (const c of clients) c.disconnect();
    await em?.close();
    await redis?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  /** A client as an app may configure it; commands wait in the offline queue while Redis is away. */
  function client(maxRetriesPerRequest: number | null = 1): Redis {
    const c = new Redis({ port: redis.port, maxRetriesPerRequest, retryStrategy: () => 50 });
    c.on('error', () => undefined); // the outage is expected; the stores report it
    clients.push(c);
    return c;
  }

  it.each([
    // Everything queued while Redis was away runs when it returns, lock attempts given up on included.
    ['waiting commands (maxRetriesPerRequest: null)', null],
    // Queued commands fail after two reconnect attempts, the release of the lock held when Redis went too.
    ['commands failing fast (maxRetriesPerRequest: 1)', 1],
  ])(
    '%s: is written soon after Redis returns, and a second process asking then refreshes the rotated token',
    async (_, retries) => {
      const redisA = client(retries);
      let killOnTokenAnswer = false;
      const jar = new CookieJar();
      const app = new ServerClient({
        domain: em.issuer.replace(/\/$/, ''),
        clientId: 'app',
        clientSecret: CLIENT_SECRET,
        secret: SECRET,
        authorizationParams: { redirect_uri: `${APP}/auth/callback` },
        transactionStore: new MemoryTransactionStore(),
        stateStore: new StatefulStateStore(
          {
            secret: SECRET,
            appBaseUrl: APP,
            store: new RedisSessionStore({
              client: redisA,
              secret: SECRET,
              prefix,
              timeoutMs: 300,
              leaseMs: LEASE_MS,
            }),
          },
          jar,
        ),
        // Redis dies between Auth0's answer to the refresh and the session write: the refresh token is
        // spent and the rotated one lives only in this process.
        customFetch: async (input, init) => {
          const answer = await fetch(input, init);
          if (
            killOnTokenAnswer &&
            String(input instanceof Request ? input.url : input).endsWith('/oauth/token')
          ) {
            killOnTokenAnswer = false;
            await redis.kill();
          }
          return answer;
        },
      });
      await app.completeInteractiveLogin(await em.login((await app.startInteractiveLogin()).href, ALICE));

      // What Redis holds, read by an observer with its own client (never through the app).
      const observer = new StatefulStateStore(
        {
          secret: SECRET,
          appBaseUrl: APP,
          store: new RedisSessionStore({ client: client(), secret: SECRET, prefix }),
        },
        jar,
      );
      const spent = (await observer.get('__a0_session'))?.refreshToken;
      expect(spent).toBeTypeOf('string');

      killOnTokenAnswer = true;
      await expect(app.getAccessToken()).resolves.toMatchObject({ audience: 'default' });
      // Redis stays away while the background write tries (and gives up on) several lock attempts.
      await sleep(2_000);
      const ready = new Promise<number>((resolve) => redisA.once('ready', () => resolve(performance.now())));
      await redis.start();
      const readyAt = await ready;

      // Right after the write lands (or at the bound), a second process asks for a token for the session.
      let landedMs = Infinity;
      while (performance.now() - readyAt < BOUND_MS) {
        const held = await observer.get('__a0_session').catch(() => undefined);
        if (held && held.refreshToken !== spent) {
          landedMs = performance.now() - readyAt;
          break;
        }
        await sleep(25);
      }
      const refreshesBefore = em.stats()['refresh_token'] ?? 0;
      const [answer] = await new Promise<Result[]>((resolve, reject) => {
        other.once('message', (m: { results?: Result[]; error?: string }) =>
          m.results ? resolve(m.results) : reject(new Error(m.error)),
        );
        other.send({
          issuer: em.issuer,
          clientSecret: CLIENT_SECRET,
          secret: SECRET,
          redirectUri: `${APP}/auth/callback`,
          appBaseUrl: APP,
          prefix,
          port: redis.port,
          calls: 1,
          mode: 'stateful',
          cookies: jar.getCookies(),
        });
      });
      console.info(
        `unsaved refresh after a Redis restart: written ${Math.round(landedMs)} ms after the reconnect; ` +
          `the second process: ${answer?.ok ? 'a token' : answer?.code}`,
      );

      // The second process refreshed with the rotated token (one refresh, no reuse of the spent one)...
      expect(answer).toMatchObject({ ok: true });
      expect((em.stats()['refresh_token'] ?? 0) - refreshesBefore).toBe(1);
      // ...because the session was written within the promised time after the reconnect.
      expect(landedMs).toBeLessThanOrEqual(BOUND_MS);
      // And the session lives on in the first instance.
      await expect(app.getAccessToken()).resolves.toMatchObject({ audience: 'default' });
    },
    60_000,
  );

  it('a lock attempt given up on while Redis stalls leaves the lock free when Redis runs it late', async () => {
    const redisC = client(null);
    const timing = { client: redisC, prefix, leaseMs: LEASE_MS, waitMs: 1_000 };
    const patient = new RedisCoordinator(timing);
    const hasty = new RedisCoordinator({ ...timing, timeoutMs: 100 });
    // Once first, so the scripts are loaded and the late attempt runs as it was sent.
    await patient.withLock('stall', async () => undefined);
    // Redis holds every script (they may write) until the pause is lifted; this client's other commands
    // run in order after it.
    const control = client();
    await control.call('CLIENT', ['PAUSE', '60000', 'WRITE']);
    await expect(hasty.withLock('stall', async () => 'never')).rejects.toMatchObject({
      code: 'store_unavailable',
    });
    await control.call('CLIENT', ['UNPAUSE']);
    // The given-up attempt runs now; the next caller gets the lock at once, not a lease (15 s) later.
    await expect(patient.withLock('stall', async () => 'taken')).resolves.toBe('taken');
  }, 30_000);
});
