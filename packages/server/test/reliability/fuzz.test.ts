import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BACKCHANNEL_LOGOUT_EVENT,
  isAuth0Error,
  parseCookieHeader,
  ServerClient,
  type CookieHandler,
  type StateData,
  type StateStore,
} from '../../src/index.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { createFakeTenant, type FakeTenant } from '../helpers/fake-tenant.js';
import { nowSeconds, REDIRECT_URI, SECRET } from '../helpers/client.js';
import { makeState } from '../helpers/state.js';
import { fuzzRuns, growthRatio } from '../helpers/fuzz.js';
import '../helpers/reliability-meta.js';

/**
 * Hostile input, property-based: every target takes random and mutated input and must give its
 * documented result (no session, or a typed error) without an uncaught exception or a hang.
 * FUZZ_RUNS sets the cases per target (CI default 10,000; `npm run test:soak` runs far more).
 */

const RUNS = fuzzRuns();
/** Generous: a cap for a stuck run, scaled with the case count for soak runs. */
const TIMEOUT = 60_000 + RUNS * 10;
const SESSION = '__a0_session';
/** RFC 6265 cookie-name token characters. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

interface Request {
  cookie: string;
  /** Names the SDK asked to set or delete on the response. */
  written: string[];
}

/** A cookie handler over one request's `Cookie` header, recording what the response would set. */
const headerCookies: CookieHandler<Request> = {
  getCookie: (name, req) => parseCookieHeader(req?.cookie ?? '')[name],
  getCookies: (req) => parseCookieHeader(req?.cookie ?? ''),
  setCookie: (name, _value, _options, req) => void req?.written.push(name),
  deleteCookie: (name, req) => void req?.written.push(name),
};

let tenant: FakeTenant;
let network = 0;
/** A client whose sessions and transactions live in cookies, in front of the in-process fake tenant. */
let client: ServerClient<Request>;
/** A valid session's cookies, name and value, as the SDK wrote them (two chunks). */
let sessionCookies: [string, string][];
let original: unknown;

beforeAll(async () => {
  tenant = await createFakeTenant();
  client = new ServerClient<Request>({
    domain: new URL(tenant.issuer).host,
    clientId: tenant.clientId,
    clientSecret: tenant.clientSecret,
    secret: SECRET,
    authorizationParams: { redirect_uri: REDIRECT_URI },
    stateIdentifier: SESSION,
    cookieHandler: headerCookies,
    customFetch: (input, init) => {
      network += 1;
      return tenant.fetch(input, init);
    },
  });
  // A session large enough to need two chunks (a session cookie is capped at 8192 bytes in all).
  const written: Record<string, string> = {};
  const writer: CookieHandler<unknown> = {
    getCookie: () => undefined,
    getCookies: () => ({}),
    setCookie: (name, value) => void (written[name] = value),
    deleteCookie: () => undefined,
  };
  const { StatelessStateStore } = await import('../../src/stores/index.js');
  const store = new StatelessStateStore({ secret: SECRET, appBaseUrl: 'https://app.example.com' }, writer);
  await store.set(SESSION, makeState({ idToken: 'x'.repeat(4500) }), true);
  sessionCookies = Object.entries(written);
  expect(sessionCookies.length).toBeGreaterThanOrEqual(2);
  original = await client.getSession(request(sessionCookies));
  expect(original).toBeDefined();
});

function request(cookies: [string, string][]): Request {
  return { cookie: cookies.map(([n, v]) => `${n}=${v}`).join('; '), written: [] };
}

/** Chunk-level mutations of a valid session cookie set. */
const chunkMutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('swap-names' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), index: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    index: fc.nat(),
    at: fc.nat(),
    to: fc.string({ minLength: 1, maxLength: 1 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), index: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('oversize' as const), size: fc.integer({ min: 4096, max: 16_384 }) }),
  fc.record({ kind: fc.constant('extra-chunk' as const), value: fc.string() }),
  fc.record({ kind: fc.constant('replace' as const), index: fc.nat(), value: fc.string({ unit: 'binary' }) }),
);

function mutate(cookies: [string, string][], m: MutationOf): [string, string][] {
  const out = cookies.map(([n, v]): [string, string] => [n, v]);
  const pick = (i: number) => i % out.length;
  switch (m.kind) {
    case 'drop':
      out.splice(pick(m.index), 1);
      break;
    case 'reorder':
      out.sort(
        (x, y) =>
          (x[1].charCodeAt(m.seed % x[1].length) ^ m.seed) - (y[1].charCodeAt(m.seed % y[1].length) ^ m.seed),
      );
      break;
    case 'swap-names': {
      const a = out[pick(m.a)];
      const b = out[pick(m.b)];
      if (a && b) [a[0], b[0]] = [b[0], a[0]];
      break;
    }
    case 'duplicate': {
      const c = out[pick(m.index)];
      if (c) out.push([c[0], c[1]]);
      break;
    }
    case 'flip': {
      const c = out[pick(m.index)];
      if (c) c[1] = c[1].slice(0, m.at % c[1].length) + m.to + c[1].slice((m.at % c[1].length) + 1);
      break;
    }
    case 'truncate': {
      const c = out[pick(m.index)];
      if (c) c[1] = c[1].slice(0, m.at % c[1].length);
      break;
    }
    case 'oversize':
      out.push([`${SESSION}.${out.length}`, 'A'.repeat(m.size)]);
      break;
    case 'extra-chunk':
      out.push([`${SESSION}.${out.length}`, m.value]);
      break;
    case 'replace': {
      const c = out[pick(m.index)];
      if (c) c[1] = m.value;
      break;
    }
  }
  return out;
}
type MutationOf = typeof chunkMutation extends fc.Arbitrary<infer T> ? T : never;

describe('hostile input (fast-check)', () => {
  it(
    `session cookies: missing, reordered, duplicated, tampered or oversized chunks read as no session (${RUNS} cases)`,
    async ({ task }) => {
      const before = network;
      let sessions = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(chunkMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          const cookies = mutations.reduce(mutate, sessionCookies);
          const session = await client.getSession(request(cookies));
          // Either the chunks still spell the original session exactly, or there is no session.
          if (session !== undefined) {
            expect(session).toEqual(original);
            sessions += 1;
          }
        }),
        { numRuns: RUNS },
      );
      expect(network).toBe(before);
      task.meta.reliability = { target: 'session cookies', runs: RUNS, stillValid: sessions };
    },
    TIMEOUT,
  );

  it(
    `cookie headers: any header parses without throwing, and never yields a session (${RUNS} cases)`,
    async ({ task }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 2000 }),
            fc
              .tuple(
                fc.array(
                  fc.tuple(
                    fc.oneof(fc.constantFrom(SESSION, `${SESSION}.0`, `${SESSION}.1`), fc.string()),
                    fc.string(),
                  ),
                ),
                fc.constantFrom('; ', ';', ' ;', ','),
              )
              .map(([pairs, separator]) => pairs.map(([n, v]) => `${n}=${v}`).join(separator)),
          ),
          async (header) => {
            expect(typeof parseCookieHeader(header)).toBe('object');
            expect(await client.getSession({ cookie: header, written: [] })).toBeUndefined();
          },
        ),
        { numRuns: RUNS },
      );
      task.meta.reliability = { target: 'cookie headers', runs: RUNS };
    },
    TIMEOUT,
  );

  it(
    `mfa tokens: garbage and mutated tokens are MfaTokenInvalidError, never a request (${RUNS} cases)`,
    async ({ task }) => {
      const valid = await client.mfa.encryptMfaToken(
        { mfaToken: 'raw-mfa-token-value' },
        { cookie: '', written: [] },
      );
      const before = network;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 3000 }),
            fc.array(fc.base64String(), { minLength: 5, maxLength: 5 }).map((p) => p.join('.')),
            fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([at, ch]) => {
              const i = at % valid.length;
              return valid.slice(0, i) + ch + valid.slice(i + 1);
            }),
            fc.nat().map((n) => valid.slice(0, n % valid.length)),
          ),
          async (token) => {
            const outcome = await client.mfa.listAuthenticators({ mfaToken: token }).then(
              () => 'ok',
              (err: unknown) => (isAuth0Error(err) ? err.code : `untyped: ${String(err)}`),
            );
            // A mutation that leaves the token intact (base64url padding bits) reaches the network.
            if (outcome === 'ok' || network !== before) {
              expect(await client.mfa.decryptMfaToken(token)).toMatchObject({
                mfaToken: 'raw-mfa-token-value',
              });
              network = before;
              return;
            }
            expect(['mfa_token_invalid', 'mfa_token_expired']).toContain(outcome);
          },
        ),
        { numRuns: RUNS },
      );
      task.meta.reliability = { target: 'mfa tokens', runs: RUNS };
    },
    TIMEOUT,
  );

  it(
    `callback URLs: any query is a CallbackError, with no request and only well-formed cookie names (${RUNS} cases)`,
    async ({ task }) => {
      const before = network;
      const param = fc.oneof(
        fc.constantFrom('state', 'code', 'error', 'error_description', 'iss', 'session_state'),
        fc.string(),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(param, fc.string({ unit: 'binary', maxLength: 300 })), { maxLength: 6 }),
          async (pairs) => {
            const url = new URL(REDIRECT_URI);
            for (const [k, v] of pairs) url.searchParams.append(k, v);
            const req: Request = { cookie: '', written: [] };
            const err = await client.completeInteractiveLogin(url, req).then(
              () => new Error('a callback without a transaction completed'),
              (e: unknown) => e,
            );
            if (!isAuth0Error(err)) throw err;
            expect(['invalid_callback', 'missing_transaction']).toContain(err.code);
            for (const name of req.written) expect(name).toMatch(COOKIE_NAME);
            // Attacker-controlled values stay out of the message (issue 7 item 3).
            for (const [, v] of pairs) if (v.trim().length >= 8) expect(err.message).not.toContain(v);
          },
        ),
        { numRuns: RUNS },
      );
      expect(network - before).toBeLessThanOrEqual(1); // discovery, at most once
      task.meta.reliability = { target: 'callback URLs', runs: RUNS };
    },
    TIMEOUT,
  );

  it(
    `logout tokens: random, mutated and wrongly shaped tokens are logout_token_invalid (${RUNS} cases)`,
    async ({ task }) => {
      const base = () => ({
        iss: tenant.issuer,
        aud: tenant.clientId,
        iat: nowSeconds(),
        exp: nowSeconds() + 120,
        jti: randomUUID(),
        sub: 'auth0|alice',
        events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
      });
      const valid = await tenant.sign(base(), { typ: 'logout+jwt' });
      // Signing is the slow part: a pool of validly signed tokens with random claim shapes, made once.
      const claimShapes = fc.sample(
        fc.record(
          {
            iss: fc.oneof(fc.constant(tenant.issuer), fc.string()),
            aud: fc.oneof(fc.constant(tenant.clientId), fc.string(), fc.array(fc.string())),
            iat: fc.oneof(fc.constant(nowSeconds()), fc.integer(), fc.string()),
            jti: fc.oneof(fc.uuid(), fc.constant(''), fc.integer()),
            sub: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
            sid: fc.oneof(fc.string(), fc.integer(), fc.object()),
            nonce: fc.string(),
            events: fc.oneof(
              fc.constant({ [BACKCHANNEL_LOGOUT_EVENT]: {} }),
              fc.dictionary(fc.string(), fc.jsonValue()),
              fc.jsonValue(),
            ),
          },
          { requiredKeys: [] },
        ),
        200,
      );
      const pool = await Promise.all(
        claimShapes.map((claims) => tenant.sign(claims as Record<string, unknown>, { typ: 'logout+jwt' })),
      );
      await client.handleBackchannelLogout(valid).catch(() => undefined);
      const jwksBefore = tenant.counts.jwks ?? 0;
      const stateful = new ServerClient({
        domain: new URL(tenant.issuer).host,
        clientId: tenant.clientId,
        clientSecret: tenant.clientSecret,
        secret: SECRET,
        authorizationParams: { redirect_uri: REDIRECT_URI },
        stateStore: new MemoryStateStore(),
        transactionStore: new MemoryTransactionStore(),
        customFetch: tenant.fetch,
      });
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 2000 }),
            fc.constantFrom(...pool),
            fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([at, ch]) => {
              const i = at % valid.length;
              return valid.slice(0, i) + ch + valid.slice(i + 1);
            }),
            fc.array(fc.base64String(), { minLength: 3, maxLength: 3 }).map((p) => p.join('.')),
          ),
          async (token) => {
            const outcome = await stateful.handleBackchannelLogout(token).then(
              () => 'ok',
              (err: unknown) =>
                isAuth0Error(err)
                  ? err.code
                  : err instanceof TypeError && token === ''
                    ? 'empty'
                    : `untyped: ${String(err)}`,
            );
            if (outcome === 'ok') accepted += 1;
            else expect(['logout_token_invalid', 'empty']).toContain(outcome);
          },
        ),
        { numRuns: RUNS },
      );
      // Made-up kids cost the OP at most one JWKS refetch (the cooldown).
      expect((tenant.counts.jwks ?? 0) - jwksBefore).toBeLessThanOrEqual(2);
      task.meta.reliability = { target: 'logout tokens', runs: RUNS, accepted };
    },
    TIMEOUT,
  );

  it(
    `store data: whatever a store returns, getSession never throws and token calls fail typed (${RUNS} cases)`,
    async ({ task }) => {
      const box: { value: unknown } = { value: undefined };
      const store: StateStore<unknown> = {
        get: async () => box.value as StateData | undefined,
        set: async () => undefined,
        delete: async () => undefined,
        deleteByLogoutToken: async () => undefined,
      };
      const fromStore = new ServerClient({
        domain: new URL(tenant.issuer).host,
        clientId: tenant.clientId,
        clientSecret: tenant.clientSecret,
        secret: SECRET,
        authorizationParams: { redirect_uri: REDIRECT_URI },
        stateStore: store,
        transactionStore: new MemoryTransactionStore(),
        customFetch: tenant.fetch,
      });
      const corrupt = fc.oneof(
        fc.anything({ maxDepth: 2, maxKeys: 4 }),
        fc.record(
          {
            user: fc.anything({ maxDepth: 2, maxKeys: 4 }),
            idToken: fc.anything({ maxDepth: 2, maxKeys: 4 }),
            refreshToken: fc.anything({ maxDepth: 2, maxKeys: 4 }),
            tokenSets: fc.oneof(
              fc.anything({ maxDepth: 2, maxKeys: 4 }),
              fc.array(
                fc.record(
                  {
                    audience: fc.anything({ maxDepth: 2, maxKeys: 4 }),
                    accessToken: fc.anything({ maxDepth: 2, maxKeys: 4 }),
                    scope: fc.anything({ maxDepth: 2, maxKeys: 4 }),
                    expiresAt: fc.anything({ maxDepth: 2, maxKeys: 4 }),
                  },
                  { requiredKeys: [] },
                ),
              ),
            ),
            internal: fc.oneof(
              fc.anything({ maxDepth: 2, maxKeys: 4 }),
              fc.record({
                sid: fc.anything({ maxDepth: 2, maxKeys: 4 }),
                createdAt: fc.anything({ maxDepth: 2, maxKeys: 4 }),
              }),
            ),
          },
          { requiredKeys: [] },
        ),
      );
      await fc.assert(
        fc.asyncProperty(corrupt, async (value) => {
          box.value = value;
          await fromStore.getSession();
          await fromStore.getUser();
          const outcome = await fromStore.getAccessToken().then(
            () => 'ok',
            (err: unknown) => (isAuth0Error(err) ? err.code : `untyped: ${String(err)}`),
          );
          expect(outcome).not.toMatch(/^untyped/);
        }),
        { numRuns: RUNS },
      );
      task.meta.reliability = { target: 'store data', runs: RUNS };
    },
    TIMEOUT,
  );
});

describe('no super-linear input checks (growth of time against input size)', () => {
  it('parseCookieHeader, getSession, decryptMfaToken, completeInteractiveLogin and handleBackchannelLogout grow linearly', async ({
    task,
  }) => {
    const checks: Record<string, (n: number) => () => unknown> = {
      parseCookieHeader: (n) => {
        const h = 'a=b; '.repeat(n / 5);
        return () => parseCookieHeader(h);
      },
      getSession: (n) => {
        const req = { cookie: `${SESSION}.0=${'A'.repeat(n)}; ${'x=1;'.repeat(n / 4)}`, written: [] };
        return () => client.getSession(req);
      },
      decryptMfaToken: (n) => {
        const t = 'eyJ'.repeat(n / 3);
        return () => client.mfa.decryptMfaToken(t).catch(() => undefined);
      },
      completeInteractiveLogin: (n) => {
        const u = `${REDIRECT_URI}?state=${'s'.repeat(n / 2)}&error_description=${'%3C'.repeat(n / 6)}`;
        return () => client.completeInteractiveLogin(u, { cookie: '', written: [] }).catch(() => undefined);
      },
      handleBackchannelLogout: (n) => {
        const t = `${'e'.repeat(n / 3)}.${'f'.repeat(n / 3)}.${'g'.repeat(n / 3)}`;
        return () => client.handleBackchannelLogout(t).catch(() => undefined);
      },
    };
    // The measure itself tells quadratic work from linear: (n/100)² steps grow a hundredfold here.
    const quadratic = (n: number) => () => {
      let sum = 0;
      for (let i = 0; i < n / 100; i++) for (let j = 0; j < n / 100; j++) sum += i ^ j;
      return sum;
    };
    expect(await growthRatio(quadratic, 10_000, 100_000)).toBeGreaterThan(35);
    const ratios: Record<string, number> = {};
    for (const [name, make] of Object.entries(checks)) {
      ratios[name] = await growthRatio(make, 10_000, 100_000);
      // Linear is ~10; quadratic ~100. The factor is generous so machine load cannot fail it.
      expect(ratios[name], name).toBeLessThan(35);
    }
    task.meta.reliability = Object.fromEntries(
      Object.entries(ratios).map(([k, v]) => [k, Number(v.toFixed(1))]),
    );
  });
});
