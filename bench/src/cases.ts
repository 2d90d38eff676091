import { randomBytes } from 'node:crypto';
import {
  CookieTransactionStore as PeerTransactionStore,
  ServerClient as PeerClient,
  StatelessStateStore as PeerStateStore,
} from '@auth0/auth0-server-js';
import { startEmulator, type Emulator } from 'auth0-emulator';
import type * as Ours from 'auth0-server-ts';
import type * as OursRedis from 'auth0-server-ts/redis';
import type { ServerClient, StateData } from 'auth0-server-ts';
import { createTenant, type Tenant } from 'auth0-test-kit';
import { dpopProofCase } from './dpop-case.js';
import { emulatorLoginCase, emulatorStartCase } from './emulator-cases.js';
import { floorOps, peerDesignOps } from './floor.js';
import type { Op } from './harness.js';
import { Jar, jarHandler } from './jar.js';
import { API, sessionState, USER } from './payload.js';
import { benchRedis, type BenchRedis } from './redis.js';

// BENCH_OURS=/path/to/index.js measures another build of our SDK (a before/after comparison); its
// redis entry is the file beside it.
const ourEntry = process.env.BENCH_OURS ?? 'auth0-server-ts';
const ours: typeof Ours = await import(ourEntry);
const ourRedis: typeof OursRedis = await import(
  process.env.BENCH_OURS
    ? new URL('redis/index.js', new URL(ourEntry, 'file:///')).href
    : 'auth0-server-ts/redis'
);

export const SECRET = 'bench-cookie-secret-of-at-least-32-characters';
const SCOPE = 'openid profile email offline_access read:data';
const APP = 'http://127.0.0.1:3999';
const authorizationParams = { redirect_uri: `${APP}/auth/callback`, audience: API, scope: SCOPE };

/** A variant of a case: ours, the peer's, the floor, or a floor of another design. */
export type Label = 'ours' | 'peer' | 'floor' | `floor:${string}`;

/** A benchmark case: the same work done by our SDK, by the peer (when it has it) and by the floor. */
export interface Case {
  name: string;
  /** `ops`: latency and ops/s one at a time; `inflight`: throughput with 64 outstanding. */
  kind: 'ops' | 'inflight';
  ours: Op;
  peer?: Op | undefined;
  floor?: Op | undefined;
  /**
   * Floors of other designs, measured in the same rounds and reported in rows of their own (the
   * label after `floor:` names the row), to show what a design choice costs apart from the code.
   */
  designs?: { label: `floor:${string}`; fn: Op }[];
  /** Operations per allocation batch (fewer for slow cases). */
  allocBatch: number;
  /** Steps of the floor whose allocation is reported on their own, for the anatomy of a read. */
  floorParts?: { name: string; fn: Op }[];
  /**
   * Runs one op of `variant` outside the timing and tells whether it did the case's work (a read
   * returned the session, a write set the cookie, a refresh returned a new token): `false` fails the run.
   */
  verify(variant: Label): Promise<boolean>;
  /**
   * Work counted where it happens rather than by the op (token requests at the fake or the
   * emulator, GETs at Redis): each call of a variant in `by` must add exactly `perCall` (at least,
   * when `exact` is false: another client may share the counter), checked around every measurement.
   */
  counted?: {
    what: string;
    by: readonly Label[];
    perCall: number;
    exact: boolean;
    count(): number | Promise<number>;
  };
}

export interface Fixtures {
  cases: Case[];
  /** Bytes of the session's JSON. */
  sessionBytes: number;
  /**
   * 100 concurrent getAccessToken on one expired cookie session: token requests at the server.
   * @throws when a caller got no new access token.
   */
  concurrentRefresh(): Promise<{ ours: number; peer: number }>;
  close(): Promise<void>;
}

function ourClient(fake: { fetch?: typeof fetch; domain: string; clientId: string; clientSecret: string }) {
  return new ours.ServerClient<Jar>({
    domain: fake.domain,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    secret: SECRET,
    authorizationParams,
    cookieHandler: jarHandler,
    ...(fake.fetch ? { customFetch: fake.fetch } : {}),
  });
}

function peerClient(fake: Tenant) {
  return new PeerClient<Jar>({
    domain: new URL(fake.issuer).host,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    authorizationParams,
    stateStore: new PeerStateStore<Jar>({ secret: SECRET }, jarHandler),
    transactionStore: new PeerTransactionStore<Jar>({ secret: SECRET }, jarHandler),
    customFetch: fake.fetch,
  });
}

/** The cookie header a browser sends after `store` wrote `state`. */
async function cookieHeader(
  store: { set(id: string, data: StateData, remove?: boolean, o?: Jar): Promise<void> },
  state: StateData,
): Promise<string> {
  const jar = new Jar();
  await store.set('__a0_session', state, false, jar);
  return jar.header();
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
/** A session (ours, the peer's, or the floor's parsed JSON) of the benchmark's user. */
const isSession = (value: unknown) => isRecord(value) && isRecord(value.user) && value.user.sub === USER.sub;
/** The session cookie a store wrote into `jar`, chunked or not. */
const wroteSession = (jar: Jar) => Object.keys(jar.cookies).some((name) => name.startsWith('__a0_session'));

export async function fixtures(options: { emulator: boolean; redis: boolean }): Promise<Fixtures> {
  // The lean tenant: it records nothing, and replays (every expired session's refresh token is good, its
  // answer's ID token signed once), so that what is measured is the SDKs' own cost.
  const { sub, ...claims } = USER;
  const fake = await createTenant({
    clientId: 'bench-client',
    user: { sub, claims },
    refreshTokens: 'replay',
  });
  const ourFake = { ...fake, domain: new URL(fake.issuer).host };
  const client = ourClient(ourFake);
  const peer = peerClient(fake);
  // The app's origin as the client's (plain http on loopback): else the store would write __Host- cookies the client does not read.
  const ourStore = new ours.StatelessStateStore<Jar>({ secret: SECRET, appBaseUrl: APP }, jarHandler);
  const peerStore = new PeerStateStore<Jar>({ secret: SECRET }, jarHandler);

  const now = Math.floor(Date.now() / 1000);
  const fresh = sessionState(now + 86_400);
  const expired = sessionState(now - 60);
  const sessionBytes = Buffer.byteLength(JSON.stringify(fresh));
  const ourFresh = await cookieHeader(ourStore, fresh);
  const peerFresh = await cookieHeader(peerStore, fresh);
  const ourExpired = await cookieHeader(ourStore, expired);
  const peerExpired = await cookieHeader(peerStore, expired);
  const cachedToken = fresh.tokenSets[0]?.accessToken;
  // The same session with a Token Vault token for one connection, fresh for a day.
  const connection = 'google-oauth2';
  const connectionToken = 'ya29.' + randomBytes(120).toString('base64url');
  const withConnection = {
    ...fresh,
    connectionTokenSets: [
      { connection, accessToken: connectionToken, scope: undefined, expiresAt: now + 86_400 },
    ],
  };
  const ourConnection = await cookieHeader(ourStore, withConnection);
  const peerConnection = await cookieHeader(peerStore, withConnection);
  const expiredToken = expired.tokenSets[0]?.accessToken;

  const floor = await floorOps(fresh);
  const peerDesign = await peerDesignOps(fresh);
  const connectionFloor = await floorOps(withConnection);
  const mfaInput = {
    mfaToken: 'Fe26.2**' + randomBytes(180).toString('base64url'),
    audience: API,
    scope: 'read:data',
    mfaRequirements: { challenge: [{ type: 'otp' }] },
  };
  const mfaFloor = await floorOps({
    mfa: mfaInput.mfaToken,
    cid: fake.clientId,
    iss: fake.issuer,
    api: mfaInput.audience,
    scp: mfaInput.scope,
    req: mfaInput.mfaRequirements,
    iat: now,
    exp: now + 300,
  });

  const login = (client: ServerClient<Jar> | PeerClient<Jar>) => async () => {
    const jar = new Jar();
    const url = await client.startInteractiveLogin({}, jar);
    await client.completeInteractiveLogin(fake.authorize(url), jar);
    return jar;
  };
  const ops = {
    read: {
      ours: () => client.getSession(new Jar(ourFresh)),
      peer: () => peer.getSession(new Jar(peerFresh)),
      floor: floor.read,
      'floor:HKDF per read': floor.readDerivingKey,
      "floor:the peer's crypto": peerDesign.read,
    },
    write: {
      ours: (jar = new Jar()) => ourStore.set('__a0_session', fresh, false, jar),
      peer: (jar = new Jar()) => peerStore.set('__a0_session', fresh, false, jar),
      floor: floor.write,
      "floor:the peer's crypto": peerDesign.write,
    },
    cached: {
      ours: () => client.getAccessToken({}, new Jar(ourFresh)),
      peer: () => peer.getAccessToken(new Jar(peerFresh)),
      floor: floor.read,
    },
    connection: {
      ours: () => client.getAccessTokenForConnection({ connection }, new Jar(ourConnection)),
      peer: () => peer.getAccessTokenForConnection({ connection }, new Jar(peerConnection)),
      floor: connectionFloor.read,
    },
    refresh: {
      ours: () => client.getAccessToken({}, new Jar(ourExpired)),
      peer: () => peer.getAccessToken(new Jar(peerExpired)),
    },
  };
  /** `verify` for a case whose op returns its work: one call of the variant, its result checked. */
  const byResult =
    (table: Partial<Record<Label, () => unknown>>, check: (result: unknown, variant: Label) => boolean) =>
    async (variant: Label) => {
      const op = table[variant];
      return op !== undefined && check(await op(), variant);
    };
  const readVerify = byResult(ops.read, isSession);
  const noRefresh = {
    what: 'refresh grants at the fake',
    by: ['ours', 'peer'] as const,
    perCall: 0,
    exact: true,
    count: () => fake.counts.refresh ?? 0,
  };

  const cases: Case[] = [
    {
      name: 'session-read',
      kind: 'ops',
      ours: ops.read.ours,
      peer: ops.read.peer,
      floor: ops.read.floor,
      designs: [
        { label: 'floor:HKDF per read', fn: ops.read['floor:HKDF per read'] },
        { label: "floor:the peer's crypto", fn: ops.read["floor:the peer's crypto"] },
      ],
      allocBatch: 200,
      floorParts: floor.parts,
      verify: readVerify,
    },
    {
      name: 'session-write',
      kind: 'ops',
      ours: ops.write.ours,
      peer: ops.write.peer,
      floor: ops.write.floor,
      designs: [{ label: "floor:the peer's crypto", fn: ops.write["floor:the peer's crypto"] }],
      allocBatch: 200,
      async verify(variant) {
        if (variant === 'floor') return isSession(floor.open(ops.write.floor()));
        if (variant === "floor:the peer's crypto") return typeof (await ops.write[variant]()) === 'string';
        if (variant !== 'ours' && variant !== 'peer') return false;
        const jar = new Jar();
        await ops.write[variant](jar);
        return wroteSession(jar);
      },
    },
    {
      name: 'access-token-cached',
      kind: 'ops',
      ours: ops.cached.ours,
      peer: ops.cached.peer,
      floor: ops.cached.floor,
      allocBatch: 200,
      verify: byResult(ops.cached, (result, variant) =>
        variant === 'floor' ? isSession(result) : isRecord(result) && result.accessToken === cachedToken,
      ),
      counted: noRefresh,
    },
    {
      name: 'connection-token-cached',
      kind: 'ops',
      ours: ops.connection.ours,
      peer: ops.connection.peer,
      floor: ops.connection.floor,
      allocBatch: 200,
      verify: byResult(ops.connection, (result, variant) =>
        variant === 'floor' ? isSession(result) : isRecord(result) && result.accessToken === connectionToken,
      ),
      counted: noRefresh,
    },
    {
      name: 'mfa-token-roundtrip',
      kind: 'ops',
      ours: async () => client.mfa.decryptMfaToken(await client.mfa.encryptMfaToken(mfaInput)),
      floor: mfaFloor.roundtrip,
      allocBatch: 200,
      async verify(variant) {
        if (variant === 'floor') {
          const opened = mfaFloor.roundtrip();
          return isRecord(opened) && opened.mfa === mfaInput.mfaToken;
        }
        if (variant !== 'ours') return false;
        const opened = await client.mfa.decryptMfaToken(await client.mfa.encryptMfaToken(mfaInput));
        return opened.mfaToken === mfaInput.mfaToken;
      },
    },
    {
      name: 'login-roundtrip (fake)',
      kind: 'ops',
      ours: login(client),
      peer: login(peer),
      allocBatch: 40,
      verify: byResult(
        { ours: login(client), peer: login(peer) },
        (jar) => jar instanceof Jar && wroteSession(jar),
      ),
      counted: {
        what: 'code grants at the fake',
        by: ['ours', 'peer'],
        perCall: 1,
        exact: true,
        count: () => fake.counts.code ?? 0,
      },
    },
    {
      name: 'refresh',
      kind: 'ops',
      ours: ops.refresh.ours,
      peer: ops.refresh.peer,
      allocBatch: 40,
      verify: byResult(
        ops.refresh,
        (result) =>
          isRecord(result) && typeof result.accessToken === 'string' && result.accessToken !== expiredToken,
      ),
      counted: { ...noRefresh, perCall: 1 },
    },
    {
      name: 'session-read x64 in flight',
      kind: 'inflight',
      ours: ops.read.ours,
      peer: ops.read.peer,
      floor: ops.read.floor,
      allocBatch: 0,
      verify: readVerify,
    },
    await dpopProofCase(ours),
  ];

  let em: Emulator | undefined;
  if (options.emulator) {
    const clientSecret = 'bench-app-secret-at-least-32-characters!!';
    em = await startEmulator({
      port: 0,
      quiet: true,
      config: {
        clients: [
          {
            client_id: 'bench',
            client_secret: clientSecret,
            redirect_uris: [authorizationParams.redirect_uri],
          },
        ],
        users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
        apis: [{ audience: API, scopes: ['read:data'] }],
      },
    });
    const emulator = em;
    const emClient = ourClient({
      domain: emulator.issuer.replace(/\/$/, ''),
      clientId: 'bench',
      clientSecret,
    });
    const emLogin = async () => {
      const jar = new Jar();
      const url = await emClient.startInteractiveLogin({}, jar);
      const back = await emulator.login(url.href, { email: 'alice@example.com', password: 'Passw0rd!' });
      await emClient.completeInteractiveLogin(back, jar);
      return jar;
    };
    cases.splice(5, 0, {
      name: 'login-roundtrip (emulator)',
      kind: 'ops',
      ours: emLogin,
      // The peer only speaks https to its domain; the emulator serves plain http on loopback.
      allocBatch: 20,
      verify: byResult({ ours: emLogin }, (jar) => jar instanceof Jar && wroteSession(jar)),
      counted: {
        what: 'code grants at the emulator',
        by: ['ours'],
        perCall: 1,
        exact: true,
        count: () => emulator.stats()['authorization_code'] ?? 0,
      },
    });
    cases.push(
      emulatorStartCase(),
      emulatorLoginCase(emulator, clientSecret, authorizationParams.redirect_uri),
    );
  }

  let redis: BenchRedis | undefined;
  // A prefix of this run's own: a shared Redis may hold other sessions.
  const redisPrefix = `bench:${randomBytes(6).toString('hex')}:`;
  if (options.redis) {
    redis = await benchRedis();
    const store = redis;
    const statefulStore = new ours.StatefulStateStore<Jar>(
      {
        secret: SECRET,
        store: new ourRedis.RedisSessionStore({ client: store.client, secret: SECRET, prefix: redisPrefix }),
      },
      jarHandler,
    );
    const stateful = new ours.ServerClient<Jar>({
      domain: ourFake.domain,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      secret: SECRET,
      authorizationParams,
      stateStore: statefulStore,
      cookieHandler: jarHandler,
      customFetch: fake.fetch,
    });
    const statefulCookie = await cookieHeader(statefulStore, fresh);
    const floorKey = `${redisPrefix}floor`;
    await store.client.set(floorKey, floor.packed(), 'PX', 3_600_000);
    const read = {
      ours: () => stateful.getSession(new Jar(statefulCookie)),
      floor: async () => {
        const value = await store.client.getBuffer(floorKey);
        return value ? floor.openPacked(value) : undefined;
      },
    };
    cases.push({
      name: 'stateful-read',
      kind: 'ops',
      ours: read.ours,
      floor: read.floor,
      allocBatch: 100,
      verify: byResult(read, isSession),
      counted: {
        what: 'GETs at Redis',
        by: ['ours', 'floor'],
        perCall: 1,
        exact: store.private,
        count: () => store.gets(),
      },
    });
  }

  return {
    cases,
    sessionBytes,
    async concurrentRefresh() {
      fake.tokenDelayMs = 20;
      const count = async (run: () => Promise<{ accessToken: string }>) => {
        const before = fake.counts.refresh ?? 0;
        const answers = await Promise.all(Array.from({ length: 100 }, run));
        if (answers.some((a) => typeof a.accessToken !== 'string' || a.accessToken === expiredToken))
          throw new Error('concurrent-refresh: a caller got no new access token');
        return (fake.counts.refresh ?? 0) - before;
      };
      try {
        return { ours: await count(ops.refresh.ours), peer: await count(ops.refresh.peer) };
      } finally {
        fake.tokenDelayMs = 0;
      }
    },
    async close() {
      await em?.close();
      if (redis && !redis.private) {
        const keys = await redis.client.keys(`${redisPrefix}*`);
        if (keys.length) await redis.client.del(...keys);
      }
      await redis?.close();
    },
  };
}
