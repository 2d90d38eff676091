import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { driveLogin } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MfaRequiredError, ServerClient } from '../../src/index.js';
import { MemorySessionStore, MemoryTransactionStore, StatefulStateStore } from '../../src/stores/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { startEmulatorProcess, type EmulatorProcess } from '../helpers/emulator-process.js';
import '../helpers/reliability-meta.js';

/**
 * Many concurrent sessions doing logins, refreshes (three concurrent callers each time) and MFA
 * step-ups against auth0-emulator (in a child process) for a bounded time, at rising concurrency.
 * LOAD_SECONDS sets the total (CI default 9; `npm run test:soak` runs longer).
 */

const SECONDS = Number(process.env.LOAD_SECONDS ?? 9);
const LEVELS = [2, 8, 24];
const USERS = Math.max(...LEVELS);
const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const APP_SECRET = 'load-test-app-cookie-secret-of-32-chars-min';
const REDIRECT_URI = 'http://127.0.0.1:3999/auth/callback';
const API = 'https://api.example.com';
const BANK = 'https://bank.example.com';
const PASSWORD = 'Passw0rd!';

setFlagsFromString('--expose_gc');
const gc: () => void = runInNewContext('gc');

let em: EmulatorProcess;
/** How often each refresh token was presented, counted on the wire as the SDK sent it. */
const redemptions = new Map<string, number>();
let invalidGrants = 0;

beforeAll(async () => {
  em = await startEmulatorProcess({
    clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] }],
    users: Array.from({ length: USERS }, (_, i) => ({
      user_id: `auth0|load${i}`,
      email: `load${i}@example.com`,
      password: PASSWORD,
      authenticators: [{ type: 'email' as const, email: `load${i}@example.com` }],
    })),
    apis: [
      { audience: API, scopes: ['read'] },
      { audience: BANK, mfa: 'required', scopes: ['transfer'] },
    ],
    ttl: { accessToken: 30 },
  });
}, 120_000);

afterAll(() => em?.close());

const counting: typeof fetch = async (input, init) => {
  const body =
    typeof init?.body === 'string'
      ? init.body
      : init?.body instanceof URLSearchParams
        ? init.body.toString()
        : '';
  const form = new URLSearchParams(body);
  const token = form.get('grant_type') === 'refresh_token' ? form.get('refresh_token') : null;
  if (token) redemptions.set(token, (redemptions.get(token) ?? 0) + 1);
  const res = await fetch(input, init);
  if (!res.ok && res.status < 500) {
    const text = await res.clone().text();
    if (text.includes('"invalid_grant"')) invalidGrants += 1;
  }
  return res;
};

interface VirtualUser {
  sub: string;
  email: string;
  client: ServerClient;
  sessions: MemorySessionStore;
}

function virtualUser(i: number): VirtualUser {
  const sessions = new MemorySessionStore();
  const client = new ServerClient({
    domain: em.issuer,
    clientId: 'app',
    clientSecret: CLIENT_SECRET,
    secret: APP_SECRET,
    authorizationParams: {
      redirect_uri: REDIRECT_URI,
      audience: API,
      scope: 'openid profile email offline_access read',
    },
    stateStore: new StatefulStateStore(
      { secret: APP_SECRET, store: sessions, appBaseUrl: 'http://127.0.0.1:3999' },
      new CookieJar(),
    ),
    transactionStore: new MemoryTransactionStore(),
    customFetch: counting,
    httpTimeout: 10_000,
  });
  return { sub: `auth0|load${i}`, email: `load${i}@example.com`, client, sessions };
}

interface PhaseResult {
  sessions: number;
  ops: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  logins: number;
  refreshes: number;
  mfaVerifications: number;
  /** Refresh-token grants answered mfa_required (the step-up), which spend nothing. */
  stepUps: number;
}

/** Runs `level` virtual users for `ms`; every anomaly throws. */
async function phase(level: number, ms: number, onWarm?: () => void): Promise<PhaseResult> {
  const latencies: number[] = [];
  const counts = { logins: 0, refreshes: 0, stepUps: 0, mfa: 0 };
  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      latencies.push(performance.now() - start);
    }
  };
  const end = Date.now() + ms;
  const warmAt = Date.now() + ms / 3;
  let warmed = false;
  const run = async (vu: VirtualUser) => {
    while (Date.now() < end) {
      const { client } = vu;
      await timed(async () => {
        const url = await client.startInteractiveLogin();
        await client.completeInteractiveLogin(
          await driveLogin(em.issuer, url.href, { email: vu.email, password: PASSWORD }),
        );
      });
      counts.logins += 1;
      expect((await client.getUser())?.sub).toBe(vu.sub);
      for (let round = 0; round < 3 && Date.now() < end; round++) {
        const before = (await client.getSession())?.refreshToken;
        const tokens = await Promise.all([0, 1, 2].map(() => timed(() => client.getAccessToken())));
        counts.refreshes += 1;
        expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
        const after = await client.getSession();
        // The rotated refresh token was stored, by this user's session only.
        expect(after?.refreshToken).not.toBe(before);
        expect(after?.user?.sub).toBe(vu.sub);
      }
      const err = await timed(() => client.getAccessToken({ audience: BANK, scope: 'transfer' })).catch(
        (e: unknown) => e,
      );
      if (!(err instanceof MfaRequiredError)) throw new Error(`expected a step-up, got ${String(err)}`);
      counts.stepUps += 1;
      const factors = await timed(() => client.mfa.listAuthenticators({ mfaToken: err.mfaToken }));
      const authenticatorId = factors.find((a) => a.oobChannel === 'email')?.id;
      const { oobCode } = await timed(() =>
        client.mfa.challengeAuthenticator({ mfaToken: err.mfaToken, challengeType: 'oob', authenticatorId }),
      );
      const bindingCode = (await em.outbox()).find((e) => e.oob_code === oobCode)?.code ?? '';
      const verified = await timed(() =>
        client.mfa.verify({ mfaToken: err.mfaToken, oobCode: oobCode ?? '', bindingCode }),
      );
      counts.mfa += 1;
      const session = await client.getSession();
      // Both updates are there: the login's API token set and the verified one, for this user.
      expect(session?.user?.sub).toBe(vu.sub);
      expect(session?.tokenSets.map((t) => t.audience).sort()).toEqual([API, BANK]);
      expect(session?.tokenSets.find((t) => t.audience === BANK)?.accessToken).toBe(verified.accessToken);
      await timed(() => client.logout());
      expect(vu.sessions.size).toBe(0);
      if (!warmed && Date.now() >= warmAt) {
        warmed = true;
        onWarm?.();
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: level }, (_, i) => run(virtualUser(i))));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
  return {
    sessions: level,
    ops: latencies.length,
    opsPerSecond: Math.round(latencies.length / elapsed),
    p50: pct(0.5),
    p99: pct(0.99),
    logins: counts.logins,
    refreshes: counts.refreshes,
    mfaVerifications: counts.mfa,
    stepUps: counts.stepUps,
  };
}

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('load against auth0-emulator', () => {
  it(
    `holds concurrent logins, refreshes and MFA verifications for ${SECONDS} s with no lost, crossed or replayed update`,
    async ({ task }) => {
      const results: PhaseResult[] = [];
      let warmHeap = 0;
      for (const [i, level] of LEVELS.entries()) {
        const last = i === LEVELS.length - 1;
        results.push(
          await phase(
            level,
            (SECONDS * 1000) / LEVELS.length,
            last ? () => (warmHeap = heapMb()) : undefined,
          ),
        );
      }
      const endHeap = heapMb();

      const twice = [...redemptions.values()].filter((n) => n > 1).length;
      expect(twice).toBe(0);
      expect(invalidGrants).toBe(0);
      const stats = await em.stats();
      const refreshGrants = stats.refresh_token ?? 0;
      // The emulator saw exactly the redemptions the SDK sent: no hidden retry, each token once.
      expect(refreshGrants).toBe(redemptions.size);
      // One grant per refresh round (three concurrent callers share it) and one per step-up attempt.
      expect(refreshGrants).toBe(results.reduce((s, r) => s + r.refreshes + r.stepUps, 0));
      // Flat after warm-up: the SDK's side holds no per-operation state (instrumentation aside).
      expect(endHeap - warmHeap).toBeLessThan(16);

      const best = results.reduce((a, b) => (b.opsPerSecond > a.opsPerSecond ? b : a));
      const stops = results.find(
        (r, idx) => idx > 0 && r.opsPerSecond < (results[idx - 1]?.opsPerSecond ?? 0) * 1.1,
      );
      task.meta.reliability = {
        seconds: SECONDS,
        phases: JSON.stringify(results),
        refreshGrants,
        refreshTokensRedeemedTwice: twice,
        invalidGrant: invalidGrants,
        heapWarmMb: Number(warmHeap.toFixed(1)),
        heapEndMb: Number(endHeap.toFixed(1)),
        bestOpsPerSecond: best.opsPerSecond,
        stopsScalingAt: stops ? stops.sessions : 'not reached',
      };
    },
    (SECONDS + 60) * 1000,
  );
});
