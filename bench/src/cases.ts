import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  CookieTransactionStore as PeerTransactionStore,
  ServerClient as PeerClient,
  StatelessStateStore as PeerStateStore,
} from '@auth0/auth0-server-js';
import { startEmulator, type Emulator } from 'auth0-emulator';
import type * as Ours from 'auth0-server-ts';
import type { ServerClient, StateData } from 'auth0-server-ts';
import { createFakeTenant, type FakeTenant } from './fake-tenant.js';
import type { Op } from './harness.js';
import { Jar, jarHandler } from './jar.js';
import { API, sessionState } from './payload.js';

// BENCH_OURS=/path/to/index.js measures another build of our SDK (a before/after comparison).
const ours: typeof Ours = await import(process.env.BENCH_OURS ?? 'auth0-server-ts');

export const SECRET = 'bench-cookie-secret-of-at-least-32-characters';
const SCOPE = 'openid profile email offline_access read:data';
const APP = 'http://127.0.0.1:3999';
const authorizationParams = { redirect_uri: `${APP}/auth/callback`, audience: API, scope: SCOPE };

/** A benchmark case: the same work done by our SDK, by the peer (when it has it) and by the floor. */
export interface Case {
  name: string;
  /** `ops`: latency and ops/s one at a time; `inflight`: throughput with 64 outstanding. */
  kind: 'ops' | 'inflight';
  ours: Op;
  peer?: Op | undefined;
  floor?: Op | undefined;
  /** Operations per allocation batch (fewer for slow cases). */
  allocBatch: number;
  /** Steps of the floor whose allocation is reported on their own, for the anatomy of a read. */
  floorParts?: { name: string; fn: Op }[];
}

export interface Fixtures {
  cases: Case[];
  /** Bytes of the session's JSON. */
  sessionBytes: number;
  /** 100 concurrent getAccessToken on one expired cookie session: token requests at the server. */
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

function peerClient(fake: FakeTenant) {
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

/**
 * The floor: AES-256-GCM with a key prepared once, over the same JSON, with node:crypto, copying
 * nothing it need not: GCM is a stream mode, so `update` returns the whole text and `final` (which
 * checks the tag) nothing.
 */
function floorOps(payload: unknown) {
  const key = randomBytes(32);
  const seal = (value: unknown) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = cipher.update(JSON.stringify(value), 'utf8');
    cipher.final();
    return { iv, ciphertext, tag: cipher.getAuthTag() };
  };
  const decrypt = (sealed: ReturnType<typeof seal>) => {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAuthTag(sealed.tag);
    const plaintext = decipher.update(sealed.ciphertext);
    decipher.final();
    return plaintext;
  };
  const open = (sealed: ReturnType<typeof seal>) => JSON.parse(decrypt(sealed).toString('utf8'));
  const sealed = seal(payload);
  const plaintext = decrypt(sealed);
  const text = plaintext.toString('utf8');
  return {
    write: () => seal(payload),
    read: () => open(sealed),
    roundtrip: () => open(seal(payload)),
    // The read's three steps alone, to show what each one allocates.
    parts: [
      { name: 'decrypt to bytes', fn: () => decrypt(sealed) },
      { name: 'bytes to UTF-8 text', fn: () => plaintext.toString('utf8') },
      { name: 'JSON.parse of the text', fn: () => JSON.parse(text) },
    ],
  };
}

export async function fixtures(options: { emulator: boolean }): Promise<Fixtures> {
  const fake = await createFakeTenant();
  const ourFake = { ...fake, domain: new URL(fake.issuer).host };
  const client = ourClient(ourFake);
  const peer = peerClient(fake);
  const ourStore = new ours.StatelessStateStore<Jar>({ secret: SECRET }, jarHandler);
  const peerStore = new PeerStateStore<Jar>({ secret: SECRET }, jarHandler);

  const now = Math.floor(Date.now() / 1000);
  const fresh = sessionState(now + 86_400);
  const expired = sessionState(now - 60);
  const sessionBytes = Buffer.byteLength(JSON.stringify(fresh));
  const ourFresh = await cookieHeader(ourStore, fresh);
  const peerFresh = await cookieHeader(peerStore, fresh);
  const ourExpired = await cookieHeader(ourStore, expired);
  const peerExpired = await cookieHeader(peerStore, expired);
  // Each SDK must read its own cookie back as the session it wrote, or nothing here means anything.
  if (
    JSON.stringify((await client.getSession(new Jar(ourFresh)))?.tokenSets) !==
    JSON.stringify(fresh.tokenSets)
  )
    throw new Error('our SDK does not read its own session back');
  if ((await peer.getSession(new Jar(peerFresh)))?.user?.sub !== fresh.user.sub)
    throw new Error('the peer does not read its own session back');

  const floor = floorOps(fresh);
  const mfaInput = {
    mfaToken: 'Fe26.2**' + randomBytes(180).toString('base64url'),
    audience: API,
    scope: 'read:data',
    mfaRequirements: { challenge: [{ type: 'otp' }] },
  };
  const mfaFloor = floorOps({
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
  };

  const cases: Case[] = [
    {
      name: 'session-read',
      kind: 'ops',
      ours: () => client.getSession(new Jar(ourFresh)),
      peer: () => peer.getSession(new Jar(peerFresh)),
      floor: floor.read,
      allocBatch: 200,
      floorParts: floor.parts,
    },
    {
      name: 'session-write',
      kind: 'ops',
      ours: () => ourStore.set('__a0_session', fresh, false, new Jar()),
      peer: () => peerStore.set('__a0_session', fresh, false, new Jar()),
      floor: floor.write,
      allocBatch: 200,
    },
    {
      name: 'access-token-cached',
      kind: 'ops',
      ours: () => client.getAccessToken({}, new Jar(ourFresh)),
      peer: () => peer.getAccessToken(new Jar(peerFresh)),
      floor: floor.read,
      allocBatch: 200,
    },
    {
      name: 'mfa-token-roundtrip',
      kind: 'ops',
      ours: async () => client.mfa.decryptMfaToken(await client.mfa.encryptMfaToken(mfaInput)),
      floor: mfaFloor.roundtrip,
      allocBatch: 200,
    },
    {
      name: 'login-roundtrip (fake)',
      kind: 'ops',
      ours: login(client),
      peer: login(peer),
      allocBatch: 40,
    },
    {
      name: 'refresh',
      kind: 'ops',
      ours: () => client.getAccessToken({}, new Jar(ourExpired)),
      peer: () => peer.getAccessToken(new Jar(peerExpired)),
      allocBatch: 40,
    },
    {
      name: 'session-read x64 in flight',
      kind: 'inflight',
      ours: () => client.getSession(new Jar(ourFresh)),
      peer: () => peer.getSession(new Jar(peerFresh)),
      floor: floor.read,
      allocBatch: 0,
    },
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
    cases.splice(5, 0, {
      name: 'login-roundtrip (emulator)',
      kind: 'ops',
      ours: async () => {
        const jar = new Jar();
        const url = await emClient.startInteractiveLogin({}, jar);
        const back = await emulator.login(url.href, { email: 'alice@example.com', password: 'Passw0rd!' });
        await emClient.completeInteractiveLogin(back, jar);
      },
      // The peer only speaks https to its domain; the emulator serves plain http on loopback.
      allocBatch: 20,
    });
  }

  return {
    cases,
    sessionBytes,
    async concurrentRefresh() {
      fake.tokenDelayMs = 20;
      const count = async (run: () => Promise<unknown>) => {
        const before = fake.counts.refresh_token;
        await Promise.all(Array.from({ length: 100 }, run));
        return fake.counts.refresh_token - before;
      };
      const result = {
        ours: await count(() => client.getAccessToken({}, new Jar(ourExpired))),
        peer: await count(() => peer.getAccessToken(new Jar(peerExpired))),
      };
      fake.tokenDelayMs = 0;
      return result;
    },
    async close() {
      await em?.close();
    },
  };
}
