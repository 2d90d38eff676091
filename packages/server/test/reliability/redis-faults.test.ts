import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKCHANNEL_LOGOUT_EVENT, isAuth0Error, ServerClient, StatefulStateStore } from '../../src/index.js';
import {
  RedisCoordinator,
  RedisReplayStore,
  RedisSessionStore,
  RedisTransactionStore,
} from '../../src/redis/index.js';
import { nowSeconds, SECRET, tenantClientOptions } from '../helpers/client.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { createFakeTenant, type FakeTenant } from '../helpers/fake-tenant.js';
import { errorSurface } from '../helpers/fault-proxy.js';
import '../helpers/reliability-meta.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { PrivateRedis, uniquePrefix } from '../redis/helpers.js';

/**
 * Every SDK operation that touches the Redis stores (`auth0-server-ts/redis`: sessions, login
 * transactions, logout-token replay, the refresh coordinator), with a private redis-server that is
 * down, slow (a loopback TCP proxy in front of it), restarted, or whose session lock another instance
 * holds. Each cell asserts a typed StoreError within a bounded time, no secret in the error, every key
 * of the session (and transaction) byte-for-byte unchanged, and the same call succeeding afterwards.
 */

/**
 * Deadline of one store operation in the call made through an outage (`down`, `slow`, `hang`): small,
 * so that the cells stay quick. Only the faulted call has it.
 */
const TIMEOUT_MS = 1000;
/**
 * Deadline of a store operation everywhere else (logging in first, the call after a restart or beside a
 * held lock, the call once the fault is cleared): one a healthy Redis meets however loaded the machine.
 * With 1 s everywhere, "login callback" and "logout" after a restart failed under load.
 */
const HEALTHY_TIMEOUT_MS = 10_000;
/** How long the app's connection may take to be back after a fault clears: ends as soon as it is. */
const RECONNECT_MS = 30_000;
/** How long a caller waits for a session lock another instance holds. */
const WAIT_MS = 400;
/** Each cell fails at its first Redis command, or at the lock: a few deadlines at most, plus load. */
const BUDGET_MS = 3 * TIMEOUT_MS + WAIT_MS + 1500;
const PASSWORD = 'private-redis-password-value';
const APP = 'https://app.example.com';

type Op = 'getSession' | 'getAccessToken (refresh)' | 'login callback' | 'logout' | 'handleBackchannelLogout';
type Fault = 'down' | 'slow' | 'hang' | 'restarted' | 'lock_held';

let redis: PrivateRedis;
let proxy: TcpProxy;
/** The app's client, through the proxy. */
let client: Redis;
/** A client straight to redis-server, to read what the store holds. */
let direct: Redis;
let tenant: FakeTenant;
const prefix = uniquePrefix('redis-faults');

beforeAll(async () => {
  redis = await PrivateRedis.start({ password: PASSWORD });
  proxy = await TcpProxy.start(redis.port);
  client = new Redis({
    port: proxy.port,
    password: PASSWORD,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 50,
  });
  client.on('error', () => undefined); // the outages are on purpose; the stores report them
  direct = new Redis({ port: redis.port, password: PASSWORD, retryStrategy: () => 50 });
  direct.on('error', () => undefined);
  tenant = await createFakeTenant();
});

afterAll(async () => {
  client?.disconnect();
  direct?.disconnect();
  await proxy?.close();
  await redis?.close();
});

/** One browser of an app instance on the Redis stores, in front of the fake tenant. */
function app(jar = new CookieJar(), timeoutMs = HEALTHY_TIMEOUT_MS) {
  const options = { client, secret: SECRET, prefix, timeoutMs };
  const stateStore = new StatefulStateStore(
    { secret: SECRET, appBaseUrl: APP, store: new RedisSessionStore({ ...options, waitMs: WAIT_MS }) },
    jar,
  );
  const sdk = new ServerClient({
    ...tenantClientOptions(tenant),
    stateStore,
    transactionStore: new RedisTransactionStore(options),
    replayStore: new RedisReplayStore(options),
    coordinator: new RedisCoordinator({ ...options, waitMs: WAIT_MS }),
    // Every access token is inside the leeway: each getAccessToken refreshes.
    tokenRefreshLeeway: 2 * 86_400,
  });
  return { jar, stateStore, sdk };
}

/**
 * The Redis keys of this file's sessions, transactions and logout-token replay records, and their
 * values (locks are left out): a failed call must leave them as they were.
 */
async function stored(): Promise<string> {
  const keys = (await direct.keys(`${prefix}*`)).filter((k) => !/:(lock|fence)$|c:\{/.test(k)).sort();
  const values = await Promise.all(
    keys.map(async (k) =>
      (await direct.type(k)) === 'set' ? (await direct.smembers(k)).sort().join(',') : direct.get(k),
    ),
  );
  return keys.map((k, i) => `${k}=${values[i]}`).join('\n');
}

function logoutToken(sid: string): Promise<string> {
  return tenant.sign(
    {
      iss: tenant.issuer,
      aud: tenant.clientId,
      iat: nowSeconds(),
      exp: nowSeconds() + 120,
      jti: crypto.randomUUID(),
      sid,
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    },
    { typ: 'logout+jwt' },
  );
}

interface Prepared {
  /** The call, by `sdk` (an app instance over the same browser and Redis). */
  run(sdk: ServerClient): Promise<unknown>;
  /** `getSession` never throws: an outage reads as no session. */
  readsAsNone?: boolean;
}

/** Logs a browser in (Redis healthy) and returns the call to make through the fault. */
async function prepare(op: Op, browser: ReturnType<typeof app>): Promise<Prepared> {
  const { sdk } = browser;
  if (op === 'login callback') {
    const callback = await tenant.authorize(await sdk.startInteractiveLogin());
    return { run: (by) => by.completeInteractiveLogin(callback) };
  }
  await sdk.completeInteractiveLogin(await tenant.authorize(await sdk.startInteractiveLogin()));
  switch (op) {
    case 'getSession':
      return {
        run: (by) => by.getSession().then((s) => s ?? Promise.reject(new Error('no session'))),
        readsAsNone: true,
      };
    case 'getAccessToken (refresh)':
      return { run: (by) => by.getAccessToken() };
    case 'logout':
      return { run: (by) => by.logout() };
    case 'handleBackchannelLogout': {
      const token = await logoutToken(String((await sdk.getUser())?.sid));
      return { run: (by) => by.handleBackchannelLogout(token) };
    }
  }
}

/** Starts the fault; returns what clears it. */
async function inject(fault: Fault, browser: ReturnType<typeof app>): Promise<() => Promise<void>> {
  switch (fault) {
    case 'down':
      await redis.kill();
      return () => redis.start();
    case 'slow':
      proxy.setFault('slow', 3 * TIMEOUT_MS);
      return async () => proxy.setFault(undefined);
    case 'hang':
      proxy.setFault('hang');
      return async () => proxy.setFault(undefined);
    case 'restarted':
      // Killed without a shutdown save and started again before the call: what was acknowledged survives.
      // The call comes once the app's connection is back (a PING through it answered), so that it tests
      // the data that survived rather than how fast ioredis reconnects on a busy machine.
      await redis.kill();
      await redis.start();
      await reconnected();
      return async () => undefined;
    case 'lock_held': {
      // Another instance holds this session's lock for longer than this one waits.
      const sid = (await browser.stateStore.get('__a0_session'))?.internal.sid ?? '';
      const other = new RedisCoordinator({ client: direct, prefix, waitMs: WAIT_MS });
      let release = () => undefined as void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const holding = other.withLock(`session:${sid}`, () => released);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return async () => {
        release();
        await holding;
      };
    }
  }
}

/**
 * Waits until the app's client answers a PING: one through a connection to the Redis that is up now
 * (one to a killed server, or through a proxy connection the fault reset, fails instead).
 */
async function reconnected(): Promise<void> {
  const deadline = performance.now() + RECONNECT_MS;
  for (;;) {
    try {
      if ((await client.ping()) === 'PONG') return;
    } catch (err) {
      if (performance.now() > deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const OPS: Op[] = [
  'getSession',
  'getAccessToken (refresh)',
  'login callback',
  'logout',
  'handleBackchannelLogout',
];
/** Only the calls that update a session take its lock. */
const LOCKED = new Set<Op>(['getAccessToken (refresh)', 'logout']);
const CELLS: { op: Op; fault: Fault }[] = [
  ...OPS.flatMap((op) => (['down', 'slow', 'hang', 'restarted'] as const).map((fault) => ({ op, fault }))),
  ...OPS.filter((op) => LOCKED.has(op)).map((op) => ({ op, fault: 'lock_held' as const })),
];

// One private Redis, killed and slowed by turns: the cells run one after another.
describe('Redis faults: every SDK operation on auth0-server-ts/redis stores', () => {
  for (const { op, fault } of CELLS)
    it(`${op} with Redis ${fault}`, async ({ task }) => {
      const browser = app();
      const prepared = await prepare(op, browser);
      const before = `${browser.jar.header()}\n${await stored()}`;
      const cookieValues = browser.jar
        .header()
        .split('; ')
        .map((c) => c.slice(c.indexOf('=') + 1));

      const clear = await inject(fault, browser);
      // Only a call through an outage needs the small deadline; the others are healthy calls.
      const outage = fault === 'down' || fault === 'slow' || fault === 'hang';
      const { sdk } = outage ? app(browser.jar, TIMEOUT_MS) : browser;
      const started = performance.now();
      const outcome = await prepared.run(sdk).then(
        () => ({ ok: true as const }),
        (err: unknown) => ({ ok: false as const, err }),
      );
      const elapsed = performance.now() - started;
      await clear();
      await reconnected();

      if (fault === 'restarted') {
        // Redis came back before the call: it must simply work, on the data that survived.
        if (!outcome.ok) throw new Error(`${op} failed after a restart: ${inspect(outcome.err)}`);
        task.meta.reliability = { op, fault, result: 'ok' };
        return;
      }
      if (outcome.ok) throw new Error(`${op} succeeded although Redis was ${fault}`);
      const { err } = outcome;
      if (prepared.readsAsNone) {
        // getSession's contract: never throws; an outage reads as no session (token calls surface it).
        expect(String(err)).toBe('Error: no session');
      } else {
        if (!isAuth0Error(err)) throw new Error(`not a typed error: ${inspect(err)}`);
        expect(err.name).toBe('StoreError');
        expect(fault === 'lock_held' ? ['lock_timeout'] : ['store_unavailable']).toContain(err.code);
        const surface = `${errorSurface(err)}\n${inspect(err, { depth: 10, showHidden: true })}`;
        const secrets = [...tenant.secrets(), ...cookieValues, SECRET, PASSWORD].filter((s) => s.length >= 6);
        for (const secret of secrets) expect(surface).not.toContain(secret);
      }
      expect(elapsed).toBeLessThan(BUDGET_MS);
      expect(`${browser.jar.header()}\n${await stored()}`).toBe(before);

      // Rejects (and fails the test) unless the store recovered and nothing was spent meanwhile.
      await prepared.run(browser.sdk);
      task.meta.reliability = {
        op,
        fault,
        result: prepared.readsAsNone ? 'no session' : isAuth0Error(err) ? err.code : 'untyped',
        ms: Math.round(elapsed),
      };
    });
});
