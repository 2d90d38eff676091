import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryTransactionStore,
  ServerClient,
  StatefulStateStore,
  StatelessStateStore,
} from '../../src/index.js';
import { RedisSessionStore, type RedisClient } from '../../src/redis/index.js';
import type { StateData, StateStore } from '../../src/types.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { cleanup, clusterClient, clusterPorts, redisClient, uniquePrefix } from './helpers.js';
import { startTestEmulator } from '../../../../test/emulator.js';

const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const SECRET = 'the-app-cookie-secret-of-at-least-32-chars';
const API = 'https://api.example.com';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
const APP = 'http://127.0.0.1:3999';
const CONNECTION = 'google-oauth2';
const CONNECTION_GRANT = 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token';
const WORKERS = 4;
const CALLS = 8;
const worker = fileURLToPath(new URL('./refresh-worker.mjs', import.meta.url));
const dist = fileURLToPath(new URL('../../dist', import.meta.url));
// The workers run a copy: the packed-package test rebuilds (and first empties) dist/ in parallel.
const copy = fileURLToPath(new URL(`../../.multi-process-dist-${process.pid}`, import.meta.url));

type Result =
  { ok: true; accessToken: string; cookies: Record<string, string> } | { ok: false; code: string };

let em: Emulator;
let workers: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(`${dist}/redis/index.js`)) {
    throw new Error('the multi-process tests run the built SDK: run `npm run build` first');
  }
  cpSync(dist, copy, { recursive: true });
  em = await startTestEmulator({
    clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [`${APP}/auth/callback`] }],
    users: [{ user_id: 'auth0|alice', ...ALICE }],
    apis: [{ audience: API }],
    connections: [{ name: CONNECTION }],
  });
  workers = await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      const child = fork(worker, { stdio: 'inherit', env: { ...process.env, A0_DIST: copy } });
      await new Promise<void>((resolve) => child.once('message', () => resolve()));
      return child;
    }),
  );
});

afterAll(async () => {
  for (const w of workers) w.kill();
  await em?.close();
  rmSync(copy, { recursive: true, force: true });
});

/** Logs alice in with `stateStore` over `jar`, then makes her access token expired in the store. */
async function loggedInWithExpiredToken(stateStore: StateStore<unknown>, jar: CookieJar): Promise<void> {
  await loggedIn(stateStore, jar, (state) => {
    state.tokenSets = state.tokenSets.map((t) => ({ ...t, expiresAt: Math.floor(Date.now() / 1000) - 1 }));
  });
}

/** Logs alice in, fetches her Token Vault token for CONNECTION, then makes that token expired in the store. */
async function loggedInWithExpiredConnectionToken(
  stateStore: StateStore<unknown>,
  jar: CookieJar,
): Promise<void> {
  await loggedIn(
    stateStore,
    jar,
    (state) => {
      state.connectionTokenSets = state.connectionTokenSets?.map((t) => ({
        ...t,
        expiresAt: Math.floor(Date.now() / 1000) - 1,
      }));
    },
    (client) => client.getAccessTokenForConnection({ connection: CONNECTION }),
  );
}

async function loggedIn(
  stateStore: StateStore<unknown>,
  jar: CookieJar,
  expire: (state: StateData) => void,
  then?: (client: ServerClient) => Promise<unknown>,
): Promise<void> {
  const client = new ServerClient({
    domain: em.issuer.replace(/\/$/, ''),
    clientId: 'app',
    clientSecret: CLIENT_SECRET,
    secret: SECRET,
    authorizationParams: { redirect_uri: `${APP}/auth/callback`, audience: API },
    stateStore,
    transactionStore: new MemoryTransactionStore(),
  });
  const url = await client.startInteractiveLogin();
  await client.completeInteractiveLogin(await em.login(url.href, ALICE));
  await then?.(client);
  const state = await stateStore.get('__a0_session');
  if (!state) throw new Error('no session after login');
  expire(state);
  await stateStore.set('__a0_session', state);
  void jar;
}

/**
 * Sends the scenario to every worker at once; each runs CALLS concurrent getAccessToken. With `gate`,
 * the workers' token requests wait until every worker's calls have started.
 */
async function hammer(scenario: Record<string, unknown>): Promise<{ results: Result[]; ms: number }> {
  const started = Date.now();
  let issued = 0;
  const answers = await Promise.all(
    workers.map(
      (w) =>
        new Promise<Result[]>((resolve, reject) => {
          const onMessage = (m: { results?: Result[]; error?: string; issued?: boolean }) => {
            if (m.issued) {
              if (++issued === workers.length) for (const each of workers) each.send({ go: true });
              return;
            }
            w.off('message', onMessage);
            if (m.results) resolve(m.results);
            else reject(new Error(m.error));
          };
          w.on('message', onMessage);
          w.send(scenario);
        }),
    ),
  );
  return { results: answers.flat(), ms: Date.now() - started };
}

function exchanges(): number {
  return em.stats()[CONNECTION_GRANT] ?? 0;
}

function refreshes(): number {
  return em.stats().refresh_token ?? 0;
}

function scenarios(label: string, ports: () => number[] | undefined, connect: () => RedisClient) {
  let redis: RedisClient;
  const prefix = uniquePrefix(`mp-${label}`);
  beforeAll(() => {
    redis = connect();
  });
  afterAll(async () => {
    await cleanup(redis, prefix);
    redis.disconnect();
  });
  const common = () => ({
    issuer: em.issuer,
    clientSecret: CLIENT_SECRET,
    secret: SECRET,
    redirectUri: `${APP}/auth/callback`,
    appBaseUrl: APP,
    audience: API,
    prefix,
    calls: CALLS,
    clusterPorts: ports(),
  });

  it(`stateful sessions: ${WORKERS} processes x ${CALLS} requests redeem the expired session's refresh token once`, async () => {
    const jar = new CookieJar();
    const store = new StatefulStateStore(
      {
        secret: SECRET,
        store: new RedisSessionStore({ client: redis, secret: SECRET, prefix }),
        appBaseUrl: APP,
      },
      jar,
    );
    await loggedInWithExpiredToken(store, jar);
    const before = refreshes();
    const { results, ms } = await hammer({ ...common(), mode: 'stateful', cookies: jar.getCookies() });
    console.info(
      `[${label}] stateful: ${results.length} calls in ${WORKERS} processes, ${refreshes() - before} refresh, ${ms} ms`,
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(refreshes() - before).toBe(1);
    expect(new Set(results.map((r) => r.ok && r.accessToken)).size).toBe(1);
    // The rotated refresh token was saved: the session refreshes again without invalid_grant.
    const state = await store.get('__a0_session');
    if (!state) throw new Error('the session is gone');
    state.tokenSets = [];
    await store.set('__a0_session', state);
    const again = await hammer({ ...common(), mode: 'stateful', cookies: jar.getCookies() });
    expect(again.results.filter((r) => !r.ok)).toEqual([]);
    expect(refreshes() - before).toBe(2);
  });

  it(`Token Vault, stateful sessions: ${WORKERS} processes x ${CALLS} requests for an expired connection token exchange once`, async () => {
    const jar = new CookieJar();
    const store = new StatefulStateStore(
      {
        secret: SECRET,
        store: new RedisSessionStore({ client: redis, secret: SECRET, prefix }),
        appBaseUrl: APP,
      },
      jar,
    );
    await loggedInWithExpiredConnectionToken(store, jar);
    const before = exchanges();
    const { results } = await hammer({
      ...common(),
      mode: 'stateful',
      connection: CONNECTION,
      cookies: jar.getCookies(),
    });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(exchanges() - before).toBe(1);
    expect(new Set(results.map((r) => r.ok && r.accessToken)).size).toBe(1);
    const state = await store.get('__a0_session');
    expect(state?.connectionTokenSets?.[0]?.accessToken).toBe(results[0]?.ok && results[0].accessToken);
  });

  it(`Token Vault, stateless cookie sessions: ${WORKERS} processes x ${CALLS} requests exchange once`, async () => {
    const jar = new CookieJar();
    const store = new StatelessStateStore({ secret: SECRET, appBaseUrl: APP }, jar);
    await loggedInWithExpiredConnectionToken(store, jar);
    const before = exchanges();
    const { results } = await hammer({
      ...common(),
      mode: 'stateless',
      connection: CONNECTION,
      cookies: jar.getCookies(),
    });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(exchanges() - before).toBe(1);
    expect(new Set(results.map((r) => r.ok && r.accessToken)).size).toBe(1);
  });

  for (const mode of ['stateful', 'stateless'] as const) {
    it(`${mode} sessions: ${WORKERS} processes x ${CALLS} requests forcing a refresh of a valid token redeem it once`, async () => {
      const jar = new CookieJar();
      const store =
        mode === 'stateful'
          ? new StatefulStateStore(
              {
                secret: SECRET,
                store: new RedisSessionStore({ client: redis, secret: SECRET, prefix }),
                appBaseUrl: APP,
              },
              jar,
            )
          : new StatelessStateStore({ secret: SECRET, appBaseUrl: APP }, jar);
      await loggedIn(store, jar, () => undefined);
      const old = (await store.get('__a0_session'))?.tokenSets[0]?.accessToken;
      const before = refreshes();
      const { results } = await hammer({
        ...common(),
        mode,
        refresh: true,
        gate: true,
        cookies: jar.getCookies(),
      });
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(refreshes() - before).toBe(1);
      const tokens = new Set(results.map((r) => r.ok && r.accessToken));
      expect(tokens.size).toBe(1);
      expect(tokens.has(old ?? '-')).toBe(false);
    });
  }

  it(`stateless cookie sessions: ${WORKERS} processes x ${CALLS} requests redeem the refresh token once`, async () => {
    const jar = new CookieJar();
    const store = new StatelessStateStore({ secret: SECRET, appBaseUrl: APP }, jar);
    await loggedInWithExpiredToken(store, jar);
    const before = refreshes();
    const { results, ms } = await hammer({ ...common(), mode: 'stateless', cookies: jar.getCookies() });
    console.info(
      `[${label}] stateless: ${results.length} calls in ${WORKERS} processes, ${refreshes() - before} refresh, ${ms} ms`,
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(refreshes() - before).toBe(1);
    expect(new Set(results.map((r) => r.ok && r.accessToken)).size).toBe(1);
    // Every response carries a session with the ROTATED refresh token: whichever cookie the browser
    // keeps, its next refresh works.
    const first = results[0];
    if (!first?.ok) throw new Error('no result');
    const next = new CookieJar();
    for (const [name, value] of Object.entries(first.cookies)) next.put(name, value);
    const reader = new StatelessStateStore({ secret: SECRET, appBaseUrl: APP }, next);
    const state = await reader.get('__a0_session');
    if (!state) throw new Error('no session in the response');
    state.tokenSets = [];
    await reader.set('__a0_session', state);
    const again = await hammer({ ...common(), mode: 'stateless', cookies: next.getCookies() });
    expect(again.results.filter((r) => !r.ok)).toEqual([]);
    expect(refreshes() - before).toBe(2);
  });
}

describe('refresh across processes on Redis', () => {
  scenarios(
    'redis',
    () => undefined,
    () => redisClient(),
  );
});

describe('refresh across processes on the Redis Cluster', () => {
  scenarios('cluster', clusterPorts, () => clusterClient());
});
