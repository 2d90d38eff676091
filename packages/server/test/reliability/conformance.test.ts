import { randomUUID } from 'node:crypto';
import { base64url, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BACKCHANNEL_LOGOUT_EVENT,
  isAuth0Error,
  type AnyAuth0Error,
  type ErrorCode,
} from '../../src/index.js';
import { json } from 'auth0-test-kit';
import { createFakeTenant, type FakeTenant } from '../helpers/fake-tenant.js';
import { clientFor, nowSeconds, type TestSetup } from '../helpers/client.js';
import { JWKS_COOLDOWN } from '../../src/http/index.js';
import '../helpers/reliability-meta.js';
import { testKeyPair } from '../../../../test/keys.js';

/**
 * The negative cases of the OpenID Foundation's relying-party test plans (Basic, Config,
 * Back-Channel Logout) against a small in-test OP: the fake tenant signs crafted ID and logout tokens
 * with jose and answers the code exchange with them. Each must be refused with a specific code and,
 * where the SDK knows it, the failing claim; the positive cases must pass.
 */

type Expect = { code: ErrorCode; claim?: string };

/** A stranger's key, for tokens under a `kid` the OP never published. */
let stranger: CryptoKey;
/** One OP for the file (keys are made once); each case gets a new client and stores. */
let op: FakeTenant;
beforeAll(async () => {
  stranger = (await testKeyPair(0)).privateKey;
  op = await createFakeTenant();
});

/** A new relying party (nothing cached, empty replay cache) in front of `tenant` (default: the shared OP). */
async function setup(tenant: FakeTenant = op): Promise<TestSetup> {
  return clientFor(tenant);
}

/** Runs a login whose code exchange answers with the ID token `craft` builds from valid claims. */
async function loginWith(
  t: TestSetup,
  craft: (claims: JWTPayload) => Promise<string>,
): Promise<{ ok: true } | { ok: false; err: unknown }> {
  const url = await t.client.startInteractiveLogin();
  const nonce = url.searchParams.get('nonce') ?? undefined;
  const callback = await t.tenant.authorize(url);
  const now = nowSeconds();
  const idToken = await craft({
    iss: t.tenant.issuer,
    aud: t.tenant.clientId,
    sub: 'auth0|alice',
    sid: 'op-sid-1',
    iat: now,
    exp: now + 3600,
    ...(nonce ? { nonce } : {}),
  });
  t.tenant.intercept = (endpoint) =>
    endpoint === 'code'
      ? json({ access_token: 'fake-at-crafted', token_type: 'Bearer', expires_in: 3600, id_token: idToken })
      : undefined;
  try {
    await t.client.completeInteractiveLogin(callback);
    return { ok: true };
  } catch (err) {
    return { ok: false, err };
  } finally {
    t.tenant.intercept = undefined;
  }
}

const unsigned = (claims: JWTPayload) =>
  `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims))}.`;

/** Asserts a refusal with `expected`, records it for the report, and that no session was written. */
async function refused(
  t: TestSetup,
  outcome: { ok: true } | { ok: false; err: unknown },
  expected: Expect,
  meta: Record<string, string | number | boolean>,
) {
  if (outcome.ok) throw new Error('accepted a token the relying party must refuse');
  const err = outcome.err;
  if (!isAuth0Error(err)) throw err;
  expect(err.code).toBe(expected.code);
  if (expected.claim !== undefined) expect(claimOf(err)).toBe(expected.claim);
  Object.assign(meta, { result: err.code, ...(claimOf(err) ? { claim: claimOf(err) ?? '' } : {}) });
  expect(await t.client.getSession()).toBeUndefined();
}

function claimOf(err: AnyAuth0Error): string | undefined {
  return 'claim' in err ? err.claim : undefined;
}

const ID_TOKEN_CASES: {
  name: string;
  plan: string;
  craft: (t: TestSetup, claims: JWTPayload) => Promise<string>;
  expected: Expect;
}[] = [
  {
    name: 'an ID token with a bad signature',
    plan: 'rp-id_token-bad-sig-rs256',
    craft: (t, c) => t.tenant.sign(c, { forge: true }),
    expected: { code: 'id_token_invalid' },
  },
  {
    name: 'an unsigned ID token (alg none)',
    plan: 'rp-id_token-sig-none',
    craft: async (_t, c) => unsigned(c),
    expected: { code: 'id_token_invalid' },
  },
  {
    name: 'an ID token with the wrong iss',
    plan: 'rp-id_token-issuer-mismatch',
    craft: (t, c) => t.tenant.sign({ ...c, iss: 'https://evil.example.com/' }),
    expected: { code: 'id_token_invalid', claim: 'iss' },
  },
  {
    name: 'an ID token for another audience',
    plan: 'rp-id_token-aud',
    craft: (t, c) => t.tenant.sign({ ...c, aud: 'someone-else' }),
    expected: { code: 'id_token_invalid', claim: 'aud' },
  },
  {
    name: 'an ID token whose azp is another client (several audiences)',
    plan: 'OIDC Core 3.1.3.7 (5)',
    craft: (t, c) => t.tenant.sign({ ...c, aud: [t.tenant.clientId, 'other'], azp: 'other' }),
    expected: { code: 'id_token_invalid', claim: 'azp' },
  },
  {
    name: 'an ID token whose azp is another client (single audience)',
    plan: 'OIDC Core 3.1.3.7 (5), issue 7 item 5',
    craft: (t, c) => t.tenant.sign({ ...c, azp: 'other' }),
    expected: { code: 'id_token_invalid', claim: 'azp' },
  },
  {
    name: 'an expired ID token',
    plan: 'OIDC Core 3.1.3.7 (9)',
    craft: (t, c) => t.tenant.sign({ ...c, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }),
    expected: { code: 'id_token_invalid', claim: 'exp' },
  },
  {
    name: 'an ID token issued far in the future (iat)',
    plan: 'rp-id_token-iat',
    craft: (t, c) => t.tenant.sign({ ...c, iat: nowSeconds() + 86_400, exp: nowSeconds() + 90_000 }),
    expected: { code: 'id_token_invalid', claim: 'iat' },
  },
  {
    name: 'an ID token without iat',
    plan: 'rp-id_token-iat',
    craft: (t, c) => t.tenant.sign({ ...c, iat: undefined }),
    expected: { code: 'id_token_invalid', claim: 'iat' },
  },
  {
    name: 'an ID token without the nonce',
    plan: 'rp-nonce-unless-code-flow',
    craft: (t, c) => t.tenant.sign({ ...c, nonce: undefined }),
    expected: { code: 'id_token_invalid', claim: 'nonce' },
  },
  {
    name: 'an ID token with another nonce',
    plan: 'rp-nonce-invalid',
    craft: (t, c) => t.tenant.sign({ ...c, nonce: 'not-the-one-sent' }),
    expected: { code: 'id_token_invalid', claim: 'nonce' },
  },
  {
    name: 'an ID token without sub',
    plan: 'rp-id_token-sub',
    craft: (t, c) => t.tenant.sign({ ...c, sub: undefined }),
    expected: { code: 'id_token_invalid', claim: 'sub' },
  },
];

describe('relying-party conformance: ID tokens at the login callback', () => {
  for (const c of ID_TOKEN_CASES) {
    it(`refuses ${c.name} (${c.plan})`, async ({ task }) => {
      const t = await setup();
      const meta: Record<string, string | number | boolean> = { plan: c.plan, kind: 'negative' };
      await refused(t, await loginWith(t, (claims) => c.craft(t, claims)), c.expected, meta);
      task.meta.reliability = meta;
    });
  }

  it('refuses an ID token under an unknown kid after exactly one JWKS refetch (rp-id_token-kid-absent / rotation)', async ({
    task,
  }) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t = await setup();
    await t.login();
    const fetched = t.tenant.counts.jwks ?? 0;
    await t.client.logout();
    // Past the cooldown of the login's fetch, an unknown kid may refetch once.
    vi.setSystemTime(Date.now() + JWKS_COOLDOWN + 1);
    const craft = (c: JWTPayload) =>
      new SignJWT(c).setProtectedHeader({ alg: 'RS256', kid: 'kid-unknown' }).sign(stranger);
    const meta: Record<string, string | number | boolean> = { plan: 'rp-id_token-kid', kind: 'negative' };
    await refused(t, await loginWith(t, craft), { code: 'id_token_invalid' }, meta);
    expect(t.tenant.counts.jwks).toBe(fetched + 1);
    // A second forged token inside the cooldown costs the OP nothing.
    await refused(t, await loginWith(t, craft), { code: 'id_token_invalid' }, meta);
    expect(t.tenant.counts.jwks).toBe(fetched + 1);
    task.meta.reliability = { ...meta, jwksRefetches: 1 };
  });

  it('accepts a login after the OP rotates its signing key, refetching the JWKS once (rp-key-rotation-op-sign-key)', async ({
    task,
  }) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t = await setup(await createFakeTenant());
    await t.login();
    const fetched = t.tenant.counts.jwks ?? 0;
    await t.tenant.rotateKeys();
    // Inside the cooldown of the last fetch a new kid is refused (see test/client/discovery.test.ts).
    vi.setSystemTime(Date.now() + JWKS_COOLDOWN + 1);
    await t.login();
    expect((await t.client.getUser())?.sub).toBe('auth0|alice');
    expect(t.tenant.counts.jwks).toBe(fetched + 1);
    task.meta.reliability = { plan: 'rp-key-rotation-op-sign-key', kind: 'positive', result: 'accepted' };
  });

  it('accepts a well-formed ID token (rp-response_type-code)', async ({ task }) => {
    const t = await setup();
    const outcome = await loginWith(t, (c) => t.tenant.sign(c));
    expect(outcome).toEqual({ ok: true });
    expect((await t.client.getUser())?.sub).toBe('auth0|alice');
    task.meta.reliability = { plan: 'rp-response_type-code', kind: 'positive', result: 'accepted' };
  });
});

describe('relying-party conformance: the callback and the code', () => {
  it('refuses a callback whose state does not match a transaction (state mismatch)', async ({ task }) => {
    const t = await setup();
    const url = await t.client.startInteractiveLogin();
    const callback = await t.tenant.authorize(url);
    callback.searchParams.set('state', 'an-altered-state-value');
    const outcome = await t.client.completeInteractiveLogin(callback).then(
      () => ({ ok: true as const }),
      (err: unknown) => ({ ok: false as const, err }),
    );
    const meta: Record<string, string | number | boolean> = {
      plan: 'rp-state (OAuth 2.0 10.12)',
      kind: 'negative',
    };
    await refused(t, outcome, { code: 'missing_transaction' }, meta);
    task.meta.reliability = meta;
  });

  it('refuses a replayed callback (code used twice) without asking the OP again', async ({ task }) => {
    const t = await setup();
    const url = await t.client.startInteractiveLogin();
    const callback = await t.tenant.authorize(url);
    await t.client.completeInteractiveLogin(callback);
    const session = JSON.stringify(await t.client.getSession());
    const exchanges = t.tenant.counts.code;
    const err = await t.client.completeInteractiveLogin(callback).catch((e: unknown) => e);
    if (!isAuth0Error(err)) throw new Error('the replayed callback was accepted');
    expect(err.code).toBe('missing_transaction');
    expect(t.tenant.counts.code).toBe(exchanges);
    expect(JSON.stringify(await t.client.getSession())).toBe(session);
    task.meta.reliability = { plan: 'code replay (OAuth 2.0 4.1.2)', kind: 'negative', result: err.code };
  });

  it('refuses a discovery document whose issuer is not the configured one (Config: rp-discovery-issuer-not-matching-config)', async ({
    task,
  }) => {
    const t = await setup();
    const original = t.tenant.intercept;
    t.tenant.intercept = (endpoint) =>
      endpoint === 'discovery' ? json({ issuer: 'https://evil.example.com/', jwks_uri: 'x' }) : undefined;
    const err = await t.client.startInteractiveLogin().catch((e: unknown) => e);
    t.tenant.intercept = original;
    if (!isAuth0Error(err)) throw new Error('a foreign discovery document was accepted');
    expect(err.code).toBe('invalid_response');
    task.meta.reliability = {
      plan: 'rp-discovery-issuer-not-matching-config',
      kind: 'negative',
      result: err.code,
    };
  });
});

/** Claims of a valid logout token for the session the fake tenant issued to alice. */
async function logoutClaims(t: TestSetup): Promise<JWTPayload> {
  const user = await t.client.getUser();
  return {
    iss: t.tenant.issuer,
    aud: t.tenant.clientId,
    iat: nowSeconds(),
    exp: nowSeconds() + 120,
    jti: randomUUID(),
    sub: user?.sub,
    sid: typeof user?.sid === 'string' ? user.sid : undefined,
    events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
  };
}

const LOGOUT_CASES: {
  name: string;
  plan: string;
  craft: (t: TestSetup, claims: JWTPayload) => Promise<string>;
  claim?: string;
}[] = [
  {
    name: 'without events',
    plan: 'rp-backchannel-rpinitlogout-lt-no-event',
    craft: (t, c) => t.tenant.sign({ ...c, events: undefined }, { typ: 'logout+jwt' }),
    claim: 'events',
  },
  {
    name: 'whose back-channel event is not a JSON object',
    plan: 'Back-Channel Logout 2.4, issue 7 item 4',
    craft: (t, c) =>
      t.tenant.sign({ ...c, events: { [BACKCHANNEL_LOGOUT_EVENT]: 'yes' } }, { typ: 'logout+jwt' }),
    claim: 'events',
  },
  {
    name: 'with a nonce',
    plan: 'rp-backchannel-rpinitlogout-lt-with-nonce',
    craft: (t, c) => t.tenant.sign({ ...c, nonce: 'n-0S6_WzA2Mj' }, { typ: 'logout+jwt' }),
    claim: 'nonce',
  },
  {
    name: 'that has expired',
    plan: 'rp-backchannel-rpinitlogout-lt-expired',
    craft: (t, c) =>
      t.tenant.sign({ ...c, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }, { typ: 'logout+jwt' }),
    claim: 'exp',
  },
  {
    name: 'wrongly signed',
    plan: 'rp-backchannel-rpinitlogout-lt-wrong-alg / bad signature',
    craft: (t, c) => t.tenant.sign(c, { forge: true, typ: 'logout+jwt' }),
  },
  {
    name: 'unsigned (alg none)',
    plan: 'Back-Channel Logout 2.6 (1)',
    craft: async (_t, c) => unsigned(c),
  },
  {
    name: 'for another audience',
    plan: 'rp-backchannel-rpinitlogout-lt-wrong-aud',
    craft: (t, c) => t.tenant.sign({ ...c, aud: 'someone-else' }, { typ: 'logout+jwt' }),
    claim: 'aud',
  },
  {
    name: 'from another issuer',
    plan: 'rp-backchannel-rpinitlogout-lt-wrong-issuer',
    craft: (t, c) => t.tenant.sign({ ...c, iss: 'https://evil.example.com/' }, { typ: 'logout+jwt' }),
    claim: 'iss',
  },
  {
    name: 'with neither sid nor sub',
    plan: 'Back-Channel Logout 2.4',
    craft: (t, c) => t.tenant.sign({ ...c, sid: undefined, sub: undefined }, { typ: 'logout+jwt' }),
    claim: 'sid',
  },
  {
    name: 'whose sid is not a string',
    plan: 'Back-Channel Logout 2.4, issue 7 item 4',
    craft: (t, c) => t.tenant.sign({ ...c, sid: 12345 }, { typ: 'logout+jwt' }),
    claim: 'sid',
  },
  {
    name: 'whose typ is not logout+jwt',
    plan: 'Back-Channel Logout 2.4, issue 7 item 4',
    craft: (t, c) => t.tenant.sign(c, { typ: 'JWT+nope' }),
    claim: 'typ',
  },
];

describe('relying-party conformance: back-channel logout tokens', () => {
  for (const c of LOGOUT_CASES) {
    it(`refuses a logout token ${c.name} (${c.plan})`, async ({ task }) => {
      const t = await setup();
      await t.login();
      const session = JSON.stringify(await t.client.getSession());
      const err = await t.client
        .handleBackchannelLogout(await c.craft(t, await logoutClaims(t)))
        .catch((e: unknown) => e);
      if (!isAuth0Error(err)) throw new Error(`accepted a logout token ${c.name}`);
      expect(err.code).toBe('logout_token_invalid');
      if (c.claim !== undefined) expect(claimOf(err)).toBe(c.claim);
      expect(JSON.stringify(await t.client.getSession())).toBe(session);
      task.meta.reliability = {
        plan: c.plan,
        kind: 'negative',
        result: err.code,
        ...(claimOf(err) ? { claim: claimOf(err) ?? '' } : {}),
      };
    });
  }

  it('refuses a replayed logout token (rp-backchannel-rpinitlogout-lt-replay)', async ({ task }) => {
    const t = await setup();
    await t.login();
    const token = await t.tenant.sign(await logoutClaims(t), { typ: 'logout+jwt' });
    await t.client.handleBackchannelLogout(token);
    expect(await t.client.getSession()).toBeUndefined();
    await t.login();
    const err = await t.client.handleBackchannelLogout(token).catch((e: unknown) => e);
    if (!isAuth0Error(err)) throw new Error('a replayed logout token was accepted');
    expect(err.code).toBe('logout_token_invalid');
    expect(claimOf(err)).toBe('jti');
    expect(await t.client.getSession()).toBeDefined();
    task.meta.reliability = {
      plan: 'rp-backchannel-rpinitlogout-lt-replay',
      kind: 'negative',
      result: err.code,
      claim: 'jti',
    };
  });

  it('accepts a valid logout token and ends the session (rp-backchannel-rpinitlogout)', async ({ task }) => {
    const t = await setup();
    await t.login();
    await t.client.handleBackchannelLogout(await t.tenant.sign(await logoutClaims(t), { typ: 'logout+jwt' }));
    expect(await t.client.getSession()).toBeUndefined();
    task.meta.reliability = { plan: 'rp-backchannel-rpinitlogout', kind: 'positive', result: 'accepted' };
  });
});

describe('relying-party conformance: refresh keeps the user (OIDC Core 12.2, issue 7 item 1)', () => {
  // Another sub is the session-switch check's own code; another iss already fails the issuer check.
  for (const [claim, change, code] of [
    ['sub', { sub: 'auth0|mallory' }, 'id_token_user_mismatch'],
    ['iss', { iss: 'https://evil.example.com/' }, 'id_token_invalid'],
  ] as const) {
    it(`refuses a refreshed ID token with another ${claim} and keeps the session as it was`, async ({
      task,
    }) => {
      const t = await setup();
      await t.login();
      const state = await t.stateStore.get('__a0_session');
      if (!state) throw new Error('no session');
      await t.stateStore.set('__a0_session', {
        ...state,
        tokenSets: state.tokenSets.map((s) => ({ ...s, expiresAt: nowSeconds() })),
      });
      const before = JSON.stringify(await t.stateStore.get('__a0_session'));
      const now = nowSeconds();
      const idToken = await t.tenant.sign({
        iss: t.tenant.issuer,
        aud: t.tenant.clientId,
        iat: now,
        exp: now + 3600,
        ...{ sub: 'auth0|alice' },
        ...change,
      });
      t.tenant.intercept = (endpoint) =>
        endpoint === 'refresh'
          ? json({ access_token: 'fake-at-other', token_type: 'Bearer', expires_in: 3600, id_token: idToken })
          : undefined;
      const err = await t.client.getAccessToken().catch((e: unknown) => e);
      t.tenant.intercept = undefined;
      if (!isAuth0Error(err)) throw new Error(`a refresh switched the session to another ${claim}`);
      expect(err.code).toBe(code);
      expect(JSON.stringify(await t.stateStore.get('__a0_session'))).toBe(before);
      task.meta.reliability = { plan: 'OIDC Core 12.2', kind: 'negative', result: err.code, claim };
    });
  }
});

describe('relying-party conformance: not applicable', () => {
  it('never calls userinfo, so a userinfo sub mismatch cannot reach the session (rp-userinfo-bad-sub-claim)', async ({
    task,
  }) => {
    const t = await setup();
    await t.login();
    await t.client.getAccessToken();
    expect(Object.keys(t.tenant.counts).filter((k) => k.includes('userinfo'))).toEqual([]);
    task.meta.reliability = {
      plan: 'rp-userinfo-bad-sub-claim',
      kind: 'not applicable',
      result: 'the SDK takes claims only from the validated ID token',
    };
  });
});
